import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatYear } from "@/lib/i18n/format";
import type { BacktestDefaults } from "@/lib/backtest/get-backtest-defaults";
import { ActionForm } from "@/app/components/action-form";
import { startBacktestAction } from "./actions";

/** The start form, filled with the study's defaults; years are limited to those of its documents. */
export async function BacktestForm({ studyId, defaults }: { studyId: string; defaults: BacktestDefaults }) {
  const t = await getTranslations("backtest");
  const locale = await requestLocale();
  const { firstYear, lastYear } = defaults;
  if (firstYear === null || lastYear === null) return <p className="muted">{t("noYears")}</p>;
  return (
    <div className="card">
      <p className="muted" data-testid="backtest-span">
        {t("span", { count: defaults.datedDocuments, formatted: formatNumber(locale, defaults.datedDocuments, 0), first: formatYear(firstYear), last: formatYear(lastYear) })} {t("defaultHint")}
      </p>
      <ActionForm action={startBacktestAction.bind(null, studyId)} submitLabel={t("submit")} pendingLabel={t("queuing")} successMessage={t("queued")} className="inline">
        <label>
          {t("until")}
          <input name="until" type="number" min={firstYear} max={lastYear} defaultValue={defaults.until ?? undefined} style={{ width: 100 }} />
        </label>
        <label>
          {t("horizon")}
          <input name="horizon" type="number" min={2} max={50} defaultValue={defaults.horizon ?? undefined} style={{ width: 80 }} />
        </label>
        <label>
          {t("k")}
          <input name="k" type="number" min={3} max={200} defaultValue={defaults.k} style={{ width: 80 }} />
        </label>
        <label>
          {t("iterations")}
          <input name="iterations" type="number" min={10} max={5000} defaultValue={defaults.iterations} style={{ width: 100 }} />
        </label>
        <label>
          {t("seed")}
          <input name="seed" type="number" min={0} defaultValue={defaults.seed} style={{ width: 90 }} />
        </label>
      </ActionForm>
    </div>
  );
}
