import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatPercent, formatSignedPercent } from "@/lib/i18n/format";
import { indicatorsOf } from "@/lib/indicators/get-theme-evidence";

type Theme = { id: string; label: string; evidence: unknown };

/** The theme list's indicator columns, highest emerging score first; each row opens the evidence page. */
export async function ThemeIndicatorsTable({ studyId, themes }: { studyId: string; themes: Theme[] }) {
  const t = await getTranslations("themes");
  const tst = await getTranslations("dashboard.stage");
  const locale = await requestLocale();
  const rows = themes
    .map((theme) => ({ theme, ind: indicatorsOf(theme.evidence) }))
    .sort((a, b) => (b.ind?.emerging?.score ?? -Infinity) - (a.ind?.emerging?.score ?? -Infinity));
  if (rows.every((r) => !r.ind)) return null;
  return (
    <table data-testid="theme-indicators" style={{ marginBottom: "1rem" }}>
      <thead>
        <tr><th>{t("theme")}</th><th>{t("volume")}</th><th>{t("growthColumn")}</th><th>{t("stage")}</th><th>{t("emergingScore")}</th><th>{t("leader")}</th></tr>
      </thead>
      <tbody>
        {rows.map(({ theme, ind }) => (
          <tr key={theme.id}>
            <td><Link href={`/studies/${studyId}/themes/${theme.id}`}>{theme.label}</Link></td>
            <td>{formatNumber(locale, ind?.volume, 1)}</td>
            <td>{formatSignedPercent(locale, ind?.growth)}</td>
            <td title={ind?.lifeCycle.reason ?? undefined}>{ind?.lifeCycle.stage ? tst(ind.lifeCycle.stage) : "—"}</td>
            <td>{formatNumber(locale, ind?.emerging?.score, 2)}</td>
            <td>{ind?.countries.leader ? `${ind.countries.leader.country} (${formatPercent(locale, ind.countries.leader.share)})` : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
