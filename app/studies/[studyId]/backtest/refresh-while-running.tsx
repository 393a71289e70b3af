"use client";
// While a back-test is queued or running, re-render the page every second so its progress shows; the
// page stops it by rendering `active={false}` once no run is unfinished.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "next-intl";

export function RefreshWhileRunning({ active }: { active: boolean }) {
  const t = useTranslations("common");
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [active, router]);
  return active ? <p className="muted" role="status">{t("inProgress")}</p> : null;
}
