"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "next-intl";

export function AcceptForm({ token, name }: { token: string; name: string }) {
  const t = useTranslations("invite");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password.length < 8) return setError(t("tooShort"));
    if (password !== form.get("confirm")) return setError(t("differ"));
    setPending(true);
    setError(null);
    const result = await signIn("invitation", { token, password, name: form.get("name"), redirect: false });
    setPending(false);
    if (result?.ok) window.location.assign("/rounds");
    else setError(t("failed"));
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      <label>
        {t("name")}
        <input name="name" defaultValue={name} maxLength={200} />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <label>
        {t("again")}
        <input name="confirm" type="password" autoComplete="new-password" required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={pending}>{pending ? t("pending") : t("submit")}</button>
    </form>
  );
}
