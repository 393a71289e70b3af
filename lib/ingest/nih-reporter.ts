// NIH RePORTER project search answers (API v2 /projects/search): {"meta": …, "results": [ … ]} or the
// results array saved on its own. Streamed token by token, so memory holds one project at a time
// (at most MAX_RECORD_CHARS bytes of it; a larger one ends the read with an error).
import { TokenParser, Tokenizer, TokenType, type ParsedTokenInfo } from "@streamparser/json";
import { z } from "zod";
import { buildRecord, type RecordDraft } from "./build-record";
import type { Format } from "./formats";
import { personName, present } from "./parties";
import type { ReadResult } from "./record";
import { MAX_RECORD_CHARS } from "./xml";

const MAX_DEPTH = 64;

const text = z.string().nullish();
const ZProject = z.object({
  appl_id: z.union([z.number(), z.string()]).nullish(),
  project_num: text,
  project_title: text,
  abstract_text: text,
  project_start_date: text,
  award_notice_date: text,
  fiscal_year: z.number().nullish(),
  organization: z.object({ org_name: text, org_city: text, org_state: text, org_country: text }).nullish(),
  principal_investigators: z.array(z.object({ first_name: text, middle_name: text, last_name: text, full_name: text })).nullish(),
  pref_terms: text,
});

function projectDraft(project: z.infer<typeof ZProject>, raw: Record<string, unknown>): RecordDraft {
  const org = project.organization;
  const pis = (project.principal_investigators ?? []).map(
    (pi) =>
      personName(pi.last_name ?? undefined, pi.first_name ?? undefined, pi.middle_name ?? undefined) ??
      pi.full_name ??
      undefined,
  );
  const place = present([org?.org_name, org?.org_city, org?.org_state, org?.org_country]);
  return {
    kind: "PROJECT",
    title: project.project_title ?? undefined,
    abstract: project.abstract_text ?? undefined,
    language: "en",
    dates: present([project.project_start_date, project.award_notice_date, project.fiscal_year?.toString()]),
    authors: present(pis),
    affiliations: place.length > 0 ? [place.join(", ")] : [],
    keywords: (project.pref_terms ?? "").split(";"),
    externalId: project.project_num ?? project.appl_id?.toString(),
    raw,
  };
}

type Item = { value: unknown; line: number } | { error: string; line: number };

const VALUE_TOKENS = new Set<TokenType>([
  TokenType.LEFT_BRACE,
  TokenType.LEFT_BRACKET,
  TokenType.STRING,
  TokenType.NUMBER,
  TokenType.TRUE,
  TokenType.FALSE,
  TokenType.NULL,
]);
const startsValue = (token: TokenType) => VALUE_TOKENS.has(token);

/** Tokenizer + token parser, with the line each project starts on (token offsets are in bytes). */
class ProjectStream {
  private readonly tokenizer = new Tokenizer();
  private readonly parser: TokenParser;
  private readonly recordDepth: number;
  private items: Item[] = [];
  private depth = 0;
  private bytes = new Uint8Array(0);
  private chunkStart = 0;
  private cursor = 0; // offset within `bytes` up to which newlines are counted
  private line = 1;
  private recordLine = 0;
  private recordStart = -1;
  private failed = false;

  constructor(envelope: boolean) {
    this.recordDepth = envelope ? 3 : 2; // {"results": [ {…} ]} or [ {…} ]
    this.parser = new TokenParser({ paths: [envelope ? "$.results.*" : "$.*"], keepStack: false });
    this.tokenizer.onToken = (info) => this.token(info);
    this.parser.onValue = ({ value }) => this.items.push({ value, line: this.recordLine });
    this.tokenizer.onError = this.parser.onError = (error) => this.fail(error.message);
  }

  write(chunk: string): Item[] {
    if (!this.failed) {
      this.bytes = new TextEncoder().encode(chunk);
      this.cursor = 0;
      this.tokenizer.write(this.bytes);
      this.lineAt(this.chunkStart + this.bytes.length);
      this.chunkStart += this.bytes.length;
      if (this.recordStart >= 0 && this.chunkStart - this.recordStart > MAX_RECORD_CHARS) {
        this.fail(`a project is larger than ${MAX_RECORD_CHARS} bytes`);
      }
    }
    return this.drain();
  }

  end(): Item[] {
    if (!this.failed) this.tokenizer.end();
    // The token parser ends by itself after a complete document; ending it earlier reports the cut.
    if (!this.failed && !this.parser.isEnded) this.parser.end();
    return this.drain();
  }

  private drain(): Item[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  private lineAt(offset: number): number {
    const end = Math.min(offset - this.chunkStart, this.bytes.length);
    for (; this.cursor < end; this.cursor++) if (this.bytes[this.cursor] === 10) this.line++;
    return this.line;
  }

  private token(info: ParsedTokenInfo): void {
    const opens = info.token === TokenType.LEFT_BRACE || info.token === TokenType.LEFT_BRACKET;
    // RePORTER projects nest a few levels; a deeper document is hostile, and the parser's value stack
    // would grow with it until the process runs out of memory.
    if (opens && this.depth >= MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    // A value in the results array starts a record whatever it is: `9` is reported, at its own line.
    if (this.depth === this.recordDepth - 1 && startsValue(info.token)) this.recordLine = this.lineAt(info.offset);
    if (opens && ++this.depth === this.recordDepth) this.recordStart = info.offset;
    if (info.token === TokenType.RIGHT_BRACE || info.token === TokenType.RIGHT_BRACKET) {
      if (this.depth-- === this.recordDepth) this.recordStart = -1;
    }
    if (!this.failed) this.parser.write(info);
  }

  private fail(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.items.push({ error: `is not valid JSON: ${message}`, line: this.recordStart >= 0 ? this.recordLine : this.line });
  }
}

async function* readNihReporter(input: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  let stream: ProjectStream | null = null;
  let position = 0;
  const results = function* (items: Item[]): Generator<ReadResult> {
    for (const item of items) {
      position++;
      const at = { position, line: item.line };
      const where = `Record ${position} (line ${item.line})`;
      if ("error" in item) {
        yield { ok: false, ...at, message: `${where} ${item.error}` };
        continue;
      }
      const project = ZProject.safeParse(item.value);
      yield project.success
        ? buildRecord(projectDraft(project.data, item.value as Record<string, unknown>), at)
        : { ok: false, ...at, message: `${where} is not a RePORTER project: ${z.prettifyError(project.error)}` };
    }
  };
  for await (const chunk of input) {
    const first = chunk.trimStart()[0];
    if (!stream && !first) continue;
    stream ??= new ProjectStream(first === "{");
    yield* results(stream.write(chunk));
  }
  if (stream) yield* results(stream.end());
  if (position === 0) yield { ok: false, position: 1, message: "The NIH RePORTER JSON holds no projects" };
}

export const nihReporterFormat = {
  id: "nih-reporter" as const,
  label: "NIH RePORTER JSON",
  detect: (head: string) => /^\s*[[{]/.test(head) && head.includes('"appl_id"') && head.includes('"project_num"'),
  read: readNihReporter,
} satisfies Format;
