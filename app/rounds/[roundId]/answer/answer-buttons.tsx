"use client";
// The answers form itself; the inputs elsewhere on the page join it with form="answers". The action
// is dispatched by hand so that the form is not reset afterwards: a refused submission (a missing
// rationale, say) must leave the expert's unsaved choices where they are.
import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";

type Result = ActionResult<{ saved: number; submitted: boolean }>;
type Props = { action: (previous: Result | null, form: FormData) => Promise<Result>; submitted: boolean };

export function AnswerButtons({ action, submitted }: Props) {
  const t = useTranslations("rounds.answer");
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return (
    <form id="answers" onSubmit={onSubmit} className="card sticky-actions" aria-label={t("yourAnswers")}>
      {!submitted && <button type="submit" name="intent" value="draft" className="secondary" disabled={pending}>{t("saveDraft")}</button>}
      <button type="submit" name="intent" value="submit" disabled={pending}>{pending ? t("saving") : t("submit")}</button>
      {submitted && !state && <span className="muted">{t("submittedBefore")}</span>}
      {state && !state.ok && <p className="error" role="alert" style={{ flexBasis: "100%", margin: 0 }}>{state.error}</p>}
      {state?.ok && (
        <p className="success" role="status" style={{ flexBasis: "100%", margin: 0 }}>
          {state.data.submitted ? t("submitted", { saved: state.data.saved }) : t("draftSaved", { saved: state.data.saved })}
        </p>
      )}
    </form>
  );
}
