// The inputs of one question about one item. They belong to the page's answers form (form="answers"),
// which lives apart because the comment forms sit between them. A hidden field says which questions
// were on the page, so an emptied year, text or set of ticks is removed rather than left as it was.
// Labels are the question's own, in the reader's language.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import type { OwnAnswer } from "@/lib/delphi/get-expert-round";
import { localised } from "@/app/rounds/format";

type Props = { itemId: string; question: Exclude<ParsedQuestion, { kind: "RANKING" }>; answer: OwnAnswer | undefined; disabled: boolean; hint?: string };
type Translate = Awaited<ReturnType<typeof getTranslations>>;

export async function QuestionField({ itemId, question: q, answer, disabled, hint }: Props) {
  const t = await getTranslations("rounds");
  const locale = await requestLocale();
  const name = `answer:${itemId}:${q.key}`;
  const hintId = hint ? `hint:${itemId}:${q.key}` : undefined;
  return (
    <fieldset className="question" disabled={disabled} aria-describedby={hintId}>
      <legend>
        {localised(locale, q.label, q.labelZh)}
        {q.required && <span className="muted"> {t("answer.required")}</span>}
      </legend>
      {!disabled && <input type="hidden" form="answers" name={`field:${itemId}:${q.key}`} value={q.kind} />}
      <Inputs name={name} question={q} answer={answer} locale={locale} t={t} />
      {hint && <p className="hint" id={hintId}>{hint}</p>}
    </fieldset>
  );
}

function Inputs({ name, question: q, answer, locale, t }: { name: string; question: Props["question"]; answer: OwnAnswer | undefined; locale: Locale; t: Translate }) {
  const dk = answer?.dontKnow ?? false;
  switch (q.kind) {
    case "SCALE":
      return (
        <div className="options">
          {Array.from({ length: q.config.max - q.config.min + 1 }, (_, i) => q.config.min + i).map((v) => (
            <label key={v}>
              <input type="radio" form="answers" name={name} value={v} defaultChecked={!dk && answer?.value === v} />
              {v} {localised(locale, q.config.labels[String(v)] ?? "", q.config.labelsZh[String(v)])}
            </label>
          ))}
          {q.config.allowDontKnow && <DontKnow name={name} checked={dk} type="radio" label={t("dontKnow")} />}
        </div>
      );
    case "CHOICE":
    case "MULTI_CHOICE": {
      const type = q.kind === "CHOICE" ? "radio" : "checkbox";
      return (
        <div className="options">
          {q.config.options.map((o) => (
            <label key={o.key}>
              <input type={type} form="answers" name={name} value={o.key} defaultChecked={!dk && (type === "radio" ? answer?.choice === o.key : (answer?.choices.includes(o.key) ?? false))} />
              {localised(locale, o.label, o.labelZh)}
            </label>
          ))}
          {q.config.allowDontKnow && <DontKnow name={name} checked={dk} type={type} label={t("dontKnow")} />}
          {q.kind === "MULTI_CHOICE" && q.config.maxSelect && <span className="hint">{t("answer.atMost", { max: q.config.maxSelect })}</span>}
        </div>
      );
    }
    case "YEAR": {
      const alt = dk ? "dont_know" : (answer?.choice ?? "");
      return (
        <div className="year-row">
          <label>
            {t("year.year")}
            <input type="number" inputMode="numeric" form="answers" name={name} min={q.config.minYear} max={q.config.maxYear} step={1} defaultValue={answer?.value ?? ""} />
          </label>
          <label>
            {t("year.or")}
            <select form="answers" name={`alt:${name.slice("answer:".length)}`} defaultValue={alt}>
              <option value="">{t("year.aYear")}</option>
              {q.config.allowAlready && <option value="already">{t("year.already")}</option>}
              {q.config.allowNever && <option value="never">{t("year.never")}</option>}
              {q.config.allowDontKnow && <option value="dont_know">{t("dontKnow")}</option>}
            </select>
          </label>
        </div>
      );
    }
    case "TEXT":
      return (
        <textarea form="answers" name={name} rows={3} maxLength={q.config.maxLength} defaultValue={answer?.text ?? ""} aria-label={localised(locale, q.label, q.labelZh)} style={{ width: "100%" }} />
      );
  }
}

function DontKnow({ name, checked, type, label }: { name: string; checked: boolean; type: "radio" | "checkbox"; label: string }) {
  return (
    <label>
      <input type={type} form="answers" name={name} value="dont_know" defaultChecked={checked} />
      {label}
    </label>
  );
}
