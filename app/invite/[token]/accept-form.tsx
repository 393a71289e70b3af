"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

export function AcceptForm({ token, name }: { token: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password.length < 8) return setError("Use at least 8 characters.");
    if (password !== form.get("confirm")) return setError("The two passwords differ.");
    setPending(true);
    setError(null);
    const result = await signIn("invitation", { token, password, name: form.get("name"), redirect: false });
    setPending(false);
    if (result?.ok) window.location.assign("/rounds");
    else setError("The link could not be used. It may have expired or been used already.");
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      <label>
        Your name (seen only by the study office)
        <input name="name" defaultValue={name} maxLength={200} />
      </label>
      <label>
        Password (at least 8 characters)
        <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      <label>
        Password again
        <input name="confirm" type="password" autoComplete="new-password" required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={pending}>{pending ? "Signing in…" : "Set password and continue"}</button>
    </form>
  );
}
