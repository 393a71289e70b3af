"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "next-intl";

export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("password", { email: form.get("email"), password: form.get("password"), redirect: false });
    setPending(false);
    if (result?.ok) window.location.assign("/");
    // The throttle's refusals (lib/auth/login-throttle.ts) arrive as next-auth's English error text.
    else if (result?.error?.startsWith("Too many")) setError(t(result.error.includes("this network") ? "throttledNetwork" : "throttledAccount"));
    else setError(t("failed"));
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      <label>
        {t("email")}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={pending}>{pending ? t("pending") : t("submit")}</button>
    </form>
  );
}
