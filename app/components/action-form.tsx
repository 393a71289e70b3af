"use client";
// A form bound to a server action that returns an ActionResult: shows pending state and errors.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";

type Props<T> = {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  submitLabel: string;
  pendingLabel?: string;
  className?: string;
  children?: React.ReactNode;
  successMessage?: string;
};

export function ActionForm<T>({ action, submitLabel, pendingLabel, className = "stack", children, successMessage }: Props<T>) {
  const t = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      {children}
      <button type="submit" disabled={pending}>{pending ? (pendingLabel ?? t("working")) : submitLabel}</button>
      {state && !state.ok && <p className="error" role="alert">{state.error}</p>}
      {state?.ok && successMessage && <p className="success" role="status">{successMessage}</p>}
    </form>
  );
}
