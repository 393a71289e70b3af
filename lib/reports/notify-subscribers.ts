// Subscribers of a study's template reports are its watchers (the people who also get its alerts).
// Each gets one e-mail per issue, in their own language, written in the same transaction that marks
// the issue done, so an issue is announced exactly once; delivery follows the commit (lib/mail).
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/mail/app-url";
import { isLocale, type Locale } from "@/lib/i18n/config";
import type { Translate } from "./report-translator";

export type Announcement = { studyId: string; studyName: string; reportId: string; title: string; translators: Record<Locale, Translate> };

export async function notifySubscribers(tx: Tx, a: Announcement): Promise<string[]> {
  const watchers = await tx.studyWatcher.findMany({
    where: { studyId: a.studyId, user: { disabledAt: null, role: { in: ["ADMIN", "PLANNER"] } } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true, locale: true } } },
  });
  const link = appUrl(`/studies/${a.studyId}/reports/${a.reportId}`);
  const ids: string[] = [];
  for (const { user } of watchers) {
    const t = a.translators[isLocale(user.locale) ? user.locale : "en"];
    // Written directly rather than through queueEmail, whose kinds are the experts' mail.
    const row = await tx.outboundEmail.create({
      data: { to: user.email, kind: "report", studyId: a.studyId, subject: t("email.subject", { title: a.title, study: a.studyName }), body: t("email.body", { title: a.title, study: a.studyName, link }) },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
