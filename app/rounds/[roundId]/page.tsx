import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getAdminRound } from "@/lib/delphi/get-admin-round";
import { ActionForm } from "@/app/components/action-form";
import { InviteForm } from "@/app/rounds/[roundId]/invite-form";
import { inviteExpertAction, openRoundAction, closeRoundAction } from "@/app/rounds/[roundId]/actions";

export const dynamic = "force-dynamic";

export default async function RoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  await requirePageViewer(can.manageRounds);
  const { roundId } = await params;
  const round = await getAdminRound(roundId);
  const answered = round.invitations.filter((i) => i.submittedAt).length;

  return (
    <>
      <p><Link href={`/studies/${round.study.id}`}>← {round.study.name}</Link></p>
      <h1>
        {round.title || `Round ${round.number}`} <span className={`badge ${round.status}`}>{round.status.toLowerCase()}</span>
      </h1>
      <p className="muted">
        {round.items.length} items · asks: {round.questions.map((q) => q.label).join("; ")} · results shown from {round.minN} answers
      </p>
      {round.status === "DRAFT" && (
        <ActionForm action={openRoundAction.bind(null, round.id)} submitLabel="Open the round" className="inline" />
      )}
      {round.status === "OPEN" && (
        <ActionForm action={closeRoundAction.bind(null, round.id)} submitLabel="Close the round and compute the results" pendingLabel="Closing…" className="inline" />
      )}
      {round.status === "CLOSED" && <p><Link className="button" href={`/rounds/${round.id}/report`}>Read the consensus report</Link></p>}

      <h2>Panel ({answered} of {round.invitations.length} answered)</h2>
      <table>
        <thead><tr><th>Expert</th><th>Sector</th><th>Invitation</th><th>Answered</th></tr></thead>
        <tbody>
          {round.invitations.map((i) => (
            <tr key={i.id}>
              <td>{i.user.name} <span className="muted">{i.user.email}</span></td>
              <td>{i.user.profile?.sector.toLowerCase() ?? "—"}</td>
              <td>{i.status.toLowerCase()}</td>
              <td>{i.submittedAt ? "yes" : "not yet"}</td>
            </tr>
          ))}
          {round.invitations.length === 0 && <tr><td colSpan={4} className="muted">Nobody invited yet.</td></tr>}
        </tbody>
      </table>
      {round.status !== "CLOSED" && (
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3 style={{ marginTop: 0 }}>Invite an expert</h3>
          <InviteForm action={inviteExpertAction.bind(null, round.id)} />
        </div>
      )}

      <h2>Items</h2>
      <ol>
        {round.items.map((item) => (
          <li key={item.id}>
            {item.title} {round.status === "CLOSED" && <span className={`badge ${item.outcome}`}>{item.outcome.toLowerCase().replace("_", " ")}</span>}
            <span className="muted"> · {item._count.comments} comments</span>
          </li>
        ))}
      </ol>
    </>
  );
}
