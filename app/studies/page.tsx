import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getStudies } from "@/lib/studies/get-studies";
import { ActionForm } from "@/app/components/action-form";
import { createStudyAction } from "@/app/studies/actions";

export const dynamic = "force-dynamic";

export default async function StudiesPage() {
  const viewer = await requirePageViewer(can.viewStudy);
  const studies = await getStudies();
  return (
    <>
      <h1>Studies</h1>
      {studies.length === 0 && <p className="muted">No studies yet.</p>}
      <div className="grid">
        {studies.map((s) => (
          <div className="card" key={s.id}>
            <h3 style={{ marginTop: 0 }}>
              <Link href={`/studies/${s.id}`}>{s.name}</Link>
            </h3>
            {s.question && <p>{s.question}</p>}
            <p className="muted">
              {s._count.documents} documents · {s._count.rounds} rounds{s.horizonYear ? ` · horizon ${s.horizonYear}` : ""}
            </p>
          </div>
        ))}
      </div>
      {can.manageStudies(viewer) && (
        <>
          <h2>New study</h2>
          <ActionForm action={createStudyAction} submitLabel="Create study" pendingLabel="Creating…">
            <label>
              Name
              <input name="name" required maxLength={200} />
            </label>
            <label>
              Question
              <textarea name="question" rows={2} maxLength={2000} placeholder="Which technologies will matter most by 2040?" />
            </label>
            <label>
              Horizon year
              <input name="horizonYear" type="number" min={2000} max={2100} />
            </label>
            <label>
              Home country (two letters)
              <input name="homeCountry" maxLength={2} placeholder="CN" />
            </label>
          </ActionForm>
        </>
      )}
    </>
  );
}
