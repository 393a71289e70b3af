import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getStudyOverview } from "@/lib/studies/get-study-overview";
import { ActionForm } from "@/app/components/action-form";
import { ActivityPoller } from "@/app/components/activity-poller";
import { UploadForm } from "@/app/studies/[studyId]/upload-form";
import { ImportsTable } from "@/app/studies/[studyId]/imports-table";
import { ThemesList } from "@/app/studies/[studyId]/themes-list";
import { launchScanAction, createRoundAction } from "@/app/studies/[studyId]/actions";

export const dynamic = "force-dynamic";

export default async function StudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const viewer = await requirePageViewer(can.viewStudy);
  const { studyId } = await params;
  const { study, themeSet, documents } = await getStudyOverview(studyId);
  const admin = can.manageStudies(viewer);
  const running = study.imports.some((i) => i.status === "QUEUED" || i.status === "RUNNING") || study.scans.some((s) => s.status === "QUEUED" || s.status === "RUNNING");

  return (
    <>
      <h1>{study.name}</h1>
      {study.question && <p>{study.question}</p>}
      <p className="muted">
        {study._count.documents} documents{study.horizonYear ? ` · horizon ${study.horizonYear}` : ""}
        {study.homeCountry ? ` · home country ${study.homeCountry}` : ""}
      </p>
      <ActivityPoller studyId={study.id} active={running} />

      <h2>1 · Data</h2>
      {admin && <UploadForm studyId={study.id} />}
      <ImportsTable imports={study.imports} />

      <h2>2 · Scans</h2>
      {admin && (
        <ActionForm action={launchScanAction.bind(null, study.id)} submitLabel="Launch scan" pendingLabel="Queuing…" className="inline">
          <label>
            Themes (K)
            <input name="k" type="number" min={2} max={500} defaultValue={8} style={{ width: 90 }} />
          </label>
          <label>
            Iterations
            <input name="iterations" type="number" min={10} max={5000} defaultValue={300} style={{ width: 100 }} />
          </label>
          <label>
            Seed
            <input name="seed" type="number" min={0} defaultValue={42} style={{ width: 90 }} />
          </label>
        </ActionForm>
      )}
      <table>
        <thead>
          <tr><th>Started</th><th>Parameters</th><th>Status</th><th>Progress</th></tr>
        </thead>
        <tbody>
          {study.scans.map((s) => (
            <tr key={s.id} data-testid="scan-row">
              <td>{s.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td>{Object.entries(s.parameters as Record<string, unknown>).map(([k, v]) => `${k} ${v}`).join(", ")}</td>
              <td><span className={`badge ${s.status}`}>{s.status.toLowerCase()}</span> {s.error && <span className="error">{s.error}</span>}</td>
              <td>{s.status === "RUNNING" || s.status === "QUEUED" ? <><progress value={s.progress} max={1} /> {s.stage}</> : s.message ?? ""}</td>
            </tr>
          ))}
          {study.scans.length === 0 && <tr><td colSpan={4} className="muted">No scans yet.</td></tr>}
        </tbody>
      </table>

      <h2>3 · Themes{themeSet ? ` (version ${themeSet.version})` : ""}</h2>
      {themeSet ? <ThemesList themes={themeSet.themes} documents={documents} /> : <p className="muted">Themes appear here when a scan has finished.</p>}

      <h2>4 · Delphi rounds</h2>
      <table>
        <thead>
          <tr><th>Round</th><th>Status</th><th>Items</th><th>Invited</th><th></th></tr>
        </thead>
        <tbody>
          {study.rounds.map((r) => (
            <tr key={r.id}>
              <td>{r.title || `Round ${r.number}`}</td>
              <td><span className={`badge ${r.status}`}>{r.status.toLowerCase()}</span></td>
              <td>{r._count.items}</td>
              <td>{r._count.invitations}</td>
              <td>
                {admin && <Link href={`/rounds/${r.id}`}>Manage</Link>} {r.status === "CLOSED" && <Link href={`/rounds/${r.id}/report`}>Report</Link>}
              </td>
            </tr>
          ))}
          {study.rounds.length === 0 && <tr><td colSpan={5} className="muted">No rounds yet.</td></tr>}
        </tbody>
      </table>
      {admin && themeSet && !study.rounds.some((r) => r.status !== "CLOSED") && (
        <div className="card" style={{ marginTop: "1rem" }}>
          <ActionForm action={createRoundAction.bind(null, study.id)} submitLabel={`Create round ${study.rounds.length + 1} from the themes`} className="inline">
            <label>
              Minimum answers before results are shown
              <input name="minN" type="number" min={1} max={100} defaultValue={5} style={{ width: 90 }} />
            </label>
          </ActionForm>
        </div>
      )}
    </>
  );
}
