"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

type Props = { action: (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>> };

export function InviteForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline">
      <label>E-mail<input name="email" type="email" required /></label>
      <label>Name<input name="name" /></label>
      <button type="submit" disabled={pending}>{pending ? "Inviting…" : "Invite"}</button>
      {state && !state.ok && <p className="error" role="alert">{state.error}</p>}
      {state?.ok && (
        <div style={{ flexBasis: "100%" }}>
          <p className="success">Invitation created. Send this single-use link (it is also kept in the outbox):</p>
          <p className="link-box" data-testid="invitation-link">{state.data}</p>
        </div>
      )}
    </form>
  );
}
