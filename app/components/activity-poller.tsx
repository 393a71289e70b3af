"use client";
// While imports or scans run, re-render the page every second so their progress shows.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "next-intl";

export function ActivityPoller({ studyId, active }: { studyId: string; active: boolean }) {
  const t = useTranslations("common");
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/studies/${studyId}/activity`, { cache: "no-store" }).catch(() => null);
      router.refresh();
      if (response?.ok) {
        const body = (await response.json()) as { running: number };
        if (body.running === 0) clearInterval(timer);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [active, studyId, router]);
  return active ? <p className="muted" role="status">{t("inProgress")}</p> : null;
}
