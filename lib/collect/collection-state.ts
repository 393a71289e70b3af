// Source.cursor: where an unfinished collection stopped, and which import owns it. Null when the
// last collection finished, so the next one starts at the first page. A run claims the state under a
// row lock: its own (a redelivered job) or an abandoned one (the owner failed, was interrupted, or
// has not reported for STALE_MS, or its process on this machine is gone) is continued; a live one
// elsewhere is a conflict.
import { existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export const STALE_MS = 10 * 60 * 1000;

export const ZCollectionState = z.object({
  importId: z.string(),
  /** The connector's `next` of the last stored page. */
  next: z.unknown(),
  /** Records (positions) and pages consumed by the collection so far, across takeovers. */
  records: z.number().int().min(0),
  pages: z.number().int().min(0),
  limit: z.number().int().min(1),
  heartbeat: z.string(),
  /** The process running the collection, so a killed CLI run can be continued at once. */
  owner: z.object({ host: z.string(), pid: z.number().int() }).optional(),
});
export type CollectionState = z.infer<typeof ZCollectionState>;

export type Claim = { state: CollectionState; resumed: boolean };

const self = () => ({ host: hostname(), pid: process.pid });

/**
 * True when the process is known to have ended. A killed process whose parent died too stays a zombie
 * until something reaps it — for ever where PID 1 does not reap (as in many containers) — and signal
 * 0 still reaches a zombie, so on Linux its state is read as well.
 */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
  } catch (error) {
    return (error as { code?: string }).code === "ESRCH";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3); // after "pid (comm) "
    return state === "Z" || state === "X";
  } catch {
    return existsSync("/proc/self/stat"); // with /proc, the process ended between the two looks
  }
}

function ownerGone(owner: CollectionState["owner"]): boolean {
  return !!owner && owner.host === hostname() && owner.pid !== process.pid && processGone(owner.pid);
}

async function isLive(tx: Pick<Tx, "import">, state: CollectionState): Promise<boolean> {
  const owner = await tx.import.findUnique({ where: { id: state.importId }, select: { status: true } });
  const active = owner?.status === "QUEUED" || owner?.status === "RUNNING";
  return active && Date.now() - Date.parse(state.heartbeat) < STALE_MS && !ownerGone(state.owner);
}

export type ClaimOptions = { sourceId: string; importId: string; limit?: number; defaultLimit: number };

/**
 * Takes the source's collection state for this import, or starts a fresh one. A resumed collection
 * keeps the limit it started with unless this run names one.
 */
export async function claimCollectionState({ sourceId, importId, ...limits }: ClaimOptions): Promise<Claim> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ cursor: unknown }[]>`SELECT cursor FROM source WHERE id = ${sourceId} FOR UPDATE`;
    const parsed = ZCollectionState.safeParse(row?.cursor);
    const heartbeat = new Date().toISOString();
    const limit = limits.limit ?? limits.defaultLimit;
    let claim: Claim = { state: { importId, next: null, records: 0, pages: 0, limit, heartbeat, owner: self() }, resumed: false };
    if (parsed.success) {
      const previous = parsed.data;
      if (previous.importId !== importId) {
        if (await isLive(tx, previous)) throw conflict(`This source is being collected by import ${previous.importId}; try again when it has finished`);
        await tx.import.updateMany({
          where: { id: previous.importId, status: { in: ["QUEUED", "RUNNING"] } },
          data: { status: "FAILED", error: `Stopped without finishing; import ${importId} continued the collection`, finishedAt: new Date() },
        });
      }
      claim = { state: { ...previous, importId, heartbeat, limit: limits.limit ?? previous.limit, owner: self() }, resumed: true };
    }
    await tx.source.update({ where: { id: sourceId }, data: { cursor: claim.state as InputJsonValue } });
    return claim;
  });
}

export type PageCommit = {
  sourceId: string;
  state: CollectionState;
  errors: { importId: string; record: number; line: number | null; message: string }[];
  counters: { recordsRead: number; recordsRejected: number; progress: number };
};

/**
 * Saves the state after a stored page together with the import's counters and errors — unless another
 * import has taken the source over (this one was presumed dead), which stops this run.
 */
export async function commitPage(commit: PageCommit): Promise<void> {
  const { importId } = commit.state;
  await db().$transaction(async (tx) => {
    const owned = await tx.source.updateMany({
      where: { id: commit.sourceId, cursor: { path: ["importId"], equals: importId } },
      data: { cursor: commit.state as InputJsonValue },
    });
    if (owned.count === 0) throw conflict("Another collection of this source took over; this run stops here");
    if (commit.errors.length) await tx.importError.createMany({ data: commit.errors });
    await tx.import.update({ where: { id: importId }, data: commit.counters });
  });
}

/** True when another import holds a live claim on the source (a scheduled tick then skips). */
export async function isBeingCollected(sourceId: string): Promise<boolean> {
  const source = await db().source.findUnique({ where: { id: sourceId }, select: { cursor: true } });
  const parsed = ZCollectionState.safeParse(source?.cursor);
  return parsed.success && (await isLive(db(), parsed.data));
}
