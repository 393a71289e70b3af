"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";

type Props = { action: (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>> };

export function InviteForm({ action }: Props) {
  const t = useTranslations("rounds.invite");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline">
      <label>{t("email")}<input name="email" type="email" required /></label>
      <label>{t("name")}<input name="name" /></label>
      <button type="submit" disabled={pending}>{pending ? t("inviting") : t("invite")}</button>
      {state && !state.ok && <p className="error" role="alert">{state.error}</p>}
      {state?.ok && (
        <div style={{ flexBasis: "100%" }}>
          <p className="success">{t("created")}</p>
          <p className="link-box" data-testid="invitation-link">{state.data}</p>
        </div>
      )}
    </form>
  );
}
