import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getExpertRound } from "@/lib/delphi/get-expert-round";
import { ActionForm } from "@/app/components/action-form";
import { AnswerButtons } from "@/app/rounds/[roundId]/answer/answer-buttons";
import { saveAnswersAction, addCommentAction } from "@/app/rounds/[roundId]/answer/actions";

export const dynamic = "force-dynamic";

type Evidence = { topTerms?: { term: string }[]; documentCount?: number; growth?: number | null; documents?: { id: string; title: string; year: number | null }[] };

export default async function AnswerPage({ params }: { params: Promise<{ roundId: string }> }) {
  const viewer = await requirePageViewer(can.answerRounds);
  const { roundId } = await params;
  const round = await getExpertRound(viewer, roundId);
  const open = round.status === "OPEN";
  const answerOf = (itemId: string, key: string) => round.answers.find((a) => a.itemId === itemId && a.questionKey === key);

  return (
    <>
      <p><Link href="/rounds">← My rounds</Link></p>
      <h1>{round.study.name}: {round.title || `round ${round.number}`}</h1>
      {round.study.question && <p>{round.study.question}</p>}
      {!open && <p className="error">This round is {round.status.toLowerCase()}; answers cannot be changed.</p>}
      <p className="muted">Rate each technology theme the machine found. Comments are shown to the other panelists without your name.</p>
      {round.items.map((item, index) => {
        const evidence = item.evidence as Evidence;
        return (
          <section className="card" key={item.id} data-testid="item">
            <h2 style={{ marginTop: 0 }}>{index + 1}. {item.title}</h2>
            <div className="terms">{(evidence.topTerms ?? []).map((t) => <span key={t.term}>{t.term.replace(/_/g, " ")}</span>)}</div>
            <details>
              <summary>Evidence: {evidence.documentCount ?? 0} documents{typeof evidence.growth === "number" ? `, growth ${(evidence.growth * 100).toFixed(0)} %/yr` : ""}</summary>
              <ul>{(evidence.documents ?? []).map((d) => <li key={d.id}>{d.title} <span className="muted">({d.year ?? "n.d."})</span></li>)}</ul>
            </details>
            {round.questions.map((q) => {
              const current = answerOf(item.id, q.key);
              const name = `answer:${item.id}:${q.key}`;
              return (
                <fieldset key={q.key} disabled={!open} style={{ border: "none", padding: 0 }}>
                  <legend>{q.label} <span className="muted">{q.labelZh}</span></legend>
                  <div className="scale">
                    {Array.from({ length: q.config.max - q.config.min + 1 }, (_, i) => q.config.min + i).map((v) => (
                      <label key={v}>
                        <input type="radio" form="answers" name={name} value={v} defaultChecked={current?.value === v && !current.dontKnow} />
                        {v} {q.config.labels[String(v)] ?? ""}
                      </label>
                    ))}
                    {q.config.allowDontKnow && (
                      <label>
                        <input type="radio" form="answers" name={name} value="dont_know" defaultChecked={current?.dontKnow ?? false} />
                        Don&apos;t know
                      </label>
                    )}
                  </div>
                </fieldset>
              );
            })}
            <h3>Comments</h3>
            <ul>
              {round.comments.filter((c) => c.itemId === item.id).map((c, i) => (
                <li key={i}><strong>{c.author}</strong> <span className="muted">{c.date}</span>: {c.body}</li>
              ))}
            </ul>
            {open && (
              <ActionForm action={addCommentAction.bind(null, round.id, item.id)} submitLabel="Add comment" className="inline" successMessage="Comment added.">
                <label style={{ flex: 1 }}>
                  Your comment
                  <textarea name="body" rows={2} maxLength={5000} required />
                </label>
              </ActionForm>
            )}
          </section>
        );
      })}
      {open && <AnswerButtons action={saveAnswersAction.bind(null, round.id)} />}
    </>
  );
}
