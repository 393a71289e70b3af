import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { LoginForm } from "@/app/login/login-form";

export default async function LoginPage() {
  if (await getViewer()) redirect("/");
  return (
    <div className="card" style={{ maxWidth: 440, margin: "3rem auto" }}>
      <h1>Sign in</h1>
      <p className="muted">Experts: use the link in your invitation the first time.</p>
      <LoginForm />
    </div>
  );
}
