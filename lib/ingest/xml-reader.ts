// The loop every XML format shares: record trees in, numbered ReadResults out.
import { buildRecord, type RecordDraft } from "./build-record";
import type { ReadResult } from "./record";
import { readXmlRecords, type XmlElement, type XmlRecordSpec } from "./xml";

/** A draft, or why this record cannot be imported (said as the rest of "Record 3 (line 9) …"). */
export type XmlOutcome = RecordDraft | { error: string };

export type XmlFormatSpec = XmlRecordSpec & {
  /** One record element → what it holds (usually one draft). */
  toDrafts(element: XmlElement): Iterable<XmlOutcome>;
  /** The one error when the file holds no record at all (a wrong or empty export). */
  emptyMessage: string;
};

function outcomesOf(spec: XmlFormatSpec, element: XmlElement): XmlOutcome[] {
  try {
    return [...spec.toDrafts(element)];
  } catch (error) {
    return [{ error: `could not be read: ${(error as Error).message}` }];
  }
}

/** Every record element becomes one result per outcome; XML errors become error results in place. */
export async function* readXmlFormat(text: AsyncIterable<string>, spec: XmlFormatSpec): AsyncGenerator<ReadResult> {
  let position = 0;
  for await (const item of readXmlRecords(text, spec)) {
    if (!item.ok) {
      position++;
      const where = item.inRecord ? `Record ${position} (line ${item.line})` : `Line ${item.line}:`;
      yield { ok: false, position, line: item.line, message: `${where} ${item.message}` };
      continue;
    }
    for (const outcome of outcomesOf(spec, item.element)) {
      position++;
      const at = { position, line: item.line };
      yield "error" in outcome
        ? { ok: false, ...at, message: `Record ${position} (line ${item.line}) ${outcome.error}` }
        : buildRecord(outcome, at);
    }
  }
  // An empty answer is reported like a bad record: thrown, it would crash the CLI and retry the job.
  if (position === 0) yield { ok: false, position: 1, message: spec.emptyMessage };
}
