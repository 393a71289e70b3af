import { getTranslations } from "next-intl/server";
import type { YearRow } from "@/lib/indicators/get-theme-evidence";
import type { Locale } from "@/lib/i18n/config";
import { indicatorFormat } from "@/app/studies/[studyId]/indicator-format";

const KIND_COLUMNS = [
  { label: "papers", kinds: ["PAPER", "CONFERENCE_PAPER", "PROJECT"] },
  { label: "patents", kinds: ["PATENT"] },
  { label: "news", kinds: ["NEWS"] },
] as const;

/** The yearly counts table: documents, volume, kinds, country diversity and collaboration per year. */
export async function YearTable({ years, locale }: { years: YearRow[]; locale: Locale }) {
  const t = await getTranslations("evidence");
  const { fmt, pct } = indicatorFormat(locale);
  return (
    <table data-testid="year-table">
      <thead>
        <tr>
          <th>{t("year")}</th><th>{t("documents")}</th><th>{t("volume")}</th>
          {KIND_COLUMNS.map((c) => <th key={c.label}>{t(c.label)}</th>)}
          <th>{t("countriesEffective")}</th><th>{t("internationalShort")}</th><th>{t("crossSectorShort")}</th>
        </tr>
      </thead>
      <tbody>
        {years.map(({ year, documentCount, volume, breakdown: b }) => (
          <tr key={year}>
            <td>{year}</td>
            <td>{documentCount}</td>
            <td>{fmt(volume, 1)}</td>
            {KIND_COLUMNS.map((c) => <td key={c.label}>{fmt(c.kinds.reduce((a, k) => a + (b.kinds?.[k] ?? 0), 0), 1)}</td>)}
            <td>{fmt(b.diversity?.countries, 1)}</td>
            <td>{pct(b.international)}</td>
            <td>{pct(b.crossSector)}</td>
          </tr>
        ))}
        {years.length === 0 && <tr><td colSpan={9} className="muted">{t("noDated")}</td></tr>}
      </tbody>
    </table>
  );
}
