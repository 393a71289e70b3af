import { getTranslations } from "next-intl/server";
import type { StoredForecast } from "@/lib/indicators/get-theme-evidence";
import type { Locale } from "@/lib/i18n/config";
import { indicatorFormat } from "@/app/studies/[studyId]/indicator-format";

/** The theme's fitted volume trend carried into the next years, with its 90 % prediction interval. */
export async function ForecastTable({ forecast, locale }: { forecast: StoredForecast | null; locale: Locale }) {
  const t = await getTranslations("evidence.forecast");
  const { fmt, pct } = indicatorFormat(locale);
  if (!forecast) return <p className="muted">{t("none")}</p>;
  return (
    <>
      <p>{t("summary", { growth: pct(forecast.growth, 1) })}</p>
      <table data-testid="forecast-table">
        <thead>
          <tr><th>{t("year")}</th><th>{t("expected")}</th><th>{t("interval")}</th></tr>
        </thead>
        <tbody>
          {forecast.points.map((p) => (
            <tr key={p.year}>
              <td>{p.year}</td>
              <td>{fmt(p.value, 1)}</td>
              <td>{fmt(p.lower, 1)} – {fmt(p.upper, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t("method")}</p>
    </>
  );
}
