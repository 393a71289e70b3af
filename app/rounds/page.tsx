import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getExpertRounds } from "@/lib/delphi/get-expert-round";

export const dynamic = "force-dynamic";

export default async function MyRoundsPage() {
  const viewer = await requirePageViewer(can.answerRounds);
  const rounds = await getExpertRounds(viewer);
  return (
    <>
      <h1>My rounds</h1>
      {rounds.length === 0 && <p className="muted">You have no invitations yet.</p>}
      <table>
        <thead><tr><th>Study</th><th>Round</th><th>Status</th><th>Your answers</th><th></th></tr></thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <td>{r.study.name}</td>
              <td>{r.title || `Round ${r.number}`}</td>
              <td><span className={`badge ${r.status}`}>{r.status.toLowerCase()}</span></td>
              <td>{r.submitted ? "submitted" : "not submitted"}</td>
              <td>{r.status === "OPEN" ? <Link href={`/rounds/${r.id}/answer`}>{r.submitted ? "Revise" : "Answer"}</Link> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
