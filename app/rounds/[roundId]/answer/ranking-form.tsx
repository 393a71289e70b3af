"use client";
// The ranking form, dispatched by hand like the answers form so that a refused ranking (two items at
// one place) keeps the expert's choices.
import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";

type Props = { action: (previous: ActionResult<number> | null, form: FormData) => Promise<ActionResult<number>>; children: React.ReactNode };

export function RankingForm({ action, children }: Props) {
  const t = useTranslations("rounds.rankingForm");
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <form onSubmit={onSubmit} aria-label={t("yourRanking")}>
      {children}
      <div className="card sticky-actions">
        <button type="submit" disabled={pending}>{pending ? t("saving") : t("save")}</button>
        {state && !state.ok && <p className="error" role="alert" style={{ flexBasis: "100%", margin: 0 }}>{state.error}</p>}
        {state?.ok && <p className="success" role="status" style={{ flexBasis: "100%", margin: 0 }}>{t("saved")}</p>}
      </div>
    </form>
  );
}
