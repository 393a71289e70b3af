"use client";
// The answers form itself; the rating inputs elsewhere on the page join it with form="answers".
import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

type Result = ActionResult<{ saved: number; submitted: boolean }>;
type Props = { action: (previous: Result | null, form: FormData) => Promise<Result> };

export function AnswerButtons({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form id="answers" action={formAction} className="card" style={{ position: "sticky", bottom: 0 }}>
      <button type="submit" name="intent" value="draft" className="secondary" disabled={pending}>Save draft</button>{" "}
      <button type="submit" name="intent" value="submit" disabled={pending}>{pending ? "Saving…" : "Submit answers"}</button>
      {state && !state.ok && <p className="error" role="alert">{state.error}</p>}
      {state?.ok && (
        <p className="success" role="status">
          {state.data.submitted ? `Submitted ${state.data.saved} answers. You may revise them until the round closes.` : `Draft saved (${state.data.saved} answers).`}
        </p>
      )}
    </form>
  );
}
