// On a theme's evidence page: the proposals that name this theme, and where to make one.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";

export async function ThemeCurationPanel({ studyId, themeId }: { studyId: string; themeId: string }) {
  const proposals = await db().curationProposal.findMany({
    where: { themeIds: { has: themeId } },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, status: true, reason: true, _count: { select: { votes: true } } },
  });
  const t = await getTranslations("curation");
  return (
    <section data-testid="theme-curation">
      <h2>{t("panelTitle")}</h2>
      {proposals.length === 0 ? (
        <p className="muted">{t("panelNone")}</p>
      ) : (
        <ul>
          {proposals.map((p) => (
            <li key={p.id}>
              <span className={`badge ${p.status}`}>{t(`statuses.${p.status}`)}</span> {t(`kinds.${p.kind}`)}: {p.reason} <span className="muted">{t("votes", { count: p._count.votes })}</span>
            </li>
          ))}
        </ul>
      )}
      <p><Link href={`/studies/${studyId}/themes`}>{t("panelLink")}</Link></p>
    </section>
  );
}
