// The fields of a report template: name, kind, cron schedule, and the parameters of each kind.
import type { Translate } from "@/lib/reports/report-translator";
import { TEMPLATE_KINDS } from "@/lib/reports/template-input";
import { roundTitle } from "@/lib/reports/report-format";

type Template = { name: string; kind: string; schedule: string | null; params: unknown } | null;
type Round = { id: string; number: number; title: string; kind: string };

export function TemplateFields({ template, rounds, t }: { template: Template; rounds: Round[]; t: Translate }) {
  const params = (template?.params ?? {}) as { sinceDays?: number; themes?: number; roundId?: string | null };
  return (
    <>
      <label>{t("name")}<input name="name" required maxLength={200} defaultValue={template?.name ?? ""} /></label>
      <label>
        {t("kind")}
        <select name="kind" defaultValue={template?.kind ?? "MONITORING"}>
          {TEMPLATE_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </select>
      </label>
      <ul className="muted">{TEMPLATE_KINDS.map((k) => <li key={k}><strong>{t(`kinds.${k}`)}</strong>: {t(`kindHelp.${k}`)}</li>)}</ul>
      <label>
        {t("schedule")}
        <input name="schedule" maxLength={120} placeholder="0 6 1 * *" defaultValue={template?.schedule ?? ""} />
        <span className="muted">{t("scheduleHelp")}</span>
      </label>
      <fieldset>
        <legend>{t("kinds.MONITORING")}</legend>
        <label>{t("sinceDays")}<input name="sinceDays" type="number" min={1} max={366} defaultValue={params.sinceDays ?? 31} style={{ width: 110 }} /></label>
        <label>{t("themes")}<input name="themes" type="number" min={1} max={200} defaultValue={params.themes ?? 20} style={{ width: 110 }} /></label>
      </fieldset>
      <fieldset>
        <legend>{t("kinds.ROUND_CONSENSUS")}</legend>
        <label>
          {t("round")}
          <select name="roundId" defaultValue={params.roundId ?? ""}>
            <option value="">{t("latestRound")}</option>
            {rounds.map((r) => <option key={r.id} value={r.id}>{roundTitle(r, t)}</option>)}
          </select>
        </label>
      </fieldset>
    </>
  );
}
