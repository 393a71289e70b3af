// Messages between a reading thread (read-thread.ts) and its parent (read-in-thread.ts).
import type { AppErrorCode, ErrorKey, ErrorValues } from "@/lib/errors";
import type { FormatId } from "./formats";
import type { PreparedRecord, WirePreparedRecord } from "./prepare-record";

export type ThreadResult = { ok: true; prepared: PreparedRecord } | RejectedRecord;

type RejectedRecord = { ok: false; position: number; line?: number; message: string };

/** A ThreadResult as posted (see WirePreparedRecord). */
export type WireResult = { ok: true; prepared: WirePreparedRecord } | RejectedRecord;

export type ToThread = { type: "chunk"; chunk: Uint8Array } | { type: "end" } | { type: "taken" };

export type ToParent =
  | { type: "pull" }
  | { type: "format"; format: FormatId }
  | { type: "batch"; results: WireResult[] }
  | { type: "done" }
  | { type: "error"; name: string; message: string; stack?: string; app?: { code: AppErrorCode; key?: ErrorKey; values?: ErrorValues } };
