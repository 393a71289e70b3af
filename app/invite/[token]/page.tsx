import { getInvitationByToken } from "@/lib/auth/accept-invitation";
import { AcceptForm } from "@/app/invite/[token]/accept-form";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationByToken(token);
  if (!invitation) {
    return (
      <div className="card" style={{ maxWidth: 520, margin: "3rem auto" }}>
        <h1>This link no longer works</h1>
        <p>It was already used, has expired or was withdrawn. If you set a password, <a href="/login">sign in</a>; otherwise ask the study office for a new invitation.</p>
      </div>
    );
  }
  return (
    <div className="card" style={{ maxWidth: 520, margin: "3rem auto" }}>
      <h1>Welcome to the panel</h1>
      <p>
        You are invited to round {invitation.round.number} of <strong>{invitation.round.study.name}</strong> as {invitation.user.email}. Choose a
        password to sign in now and later.
      </p>
      <p className="muted">Other panel members will never see your name or your individual answers.</p>
      <AcceptForm token={token} name={invitation.user.name} />
    </div>
  );
}
