// Streaming BibTeX import: one top-level entry at a time; @string macros apply to the entries after them.
import { buildRecord } from "./build-record";
import { readBibBlocks } from "./bibtex-entries";
import { bibEntryToDraft } from "./bibtex-fields";
import { loadLatexParser } from "./bibtex-latex";
import { BibSyntaxError, defineStrings, parseEntryBody } from "./bibtex-syntax";
import { readLines } from "./decode";
import type { Format } from "./formats";
import type { ReadResult } from "./record";

// Blocks that are not records.
const NOT_RECORDS = new Set(["comment", "preamble"]);

/** An entry header ("@article{key," or "@string{") at the start of a line near the top. */
export function looksLikeBibtex(head: string): boolean {
  return /^[ \t]*@[ \t]*(?:string[ \t]*[{(]|[A-Za-z]+[ \t]*[{(][^\n,]*,)/im.test(head);
}

async function* readBibtex(text: AsyncIterable<string>): AsyncGenerator<ReadResult> {
  await loadLatexParser();
  const strings = new Map<string, string>();
  let position = 0;
  for await (const chunk of readBibBlocks(readLines(text))) {
    const type = chunk.ok ? chunk.block.type : chunk.type;
    if (NOT_RECORDS.has(type)) continue;
    if (!chunk.ok) {
      if (type === "string") continue; // not a record: entries that use its macro keep the macro name
      position++;
      yield { ok: false, position, line: chunk.line, message: `Entry ${position} (line ${chunk.line}) @${type} ${chunk.message}` };
      continue;
    }
    const { body, line } = chunk.block;
    try {
      if (type === "string") {
        defineStrings(body, strings);
        continue;
      }
      position++;
      yield buildRecord(bibEntryToDraft(parseEntryBody(type, body, strings)), { position, line });
    } catch (error) {
      if (!(error instanceof BibSyntaxError)) throw error;
      // A broken macro definition is reported where it stands (it counts as an entry), so the user
      // learns why later entries show the macro's name instead of its text.
      if (type === "string") position++;
      yield { ok: false, position, line, message: `Entry ${position} (line ${line}) is not valid BibTeX: ${error.message}` };
    }
  }
}

export const bibtexFormat = {
  id: "bibtex" as const,
  label: "BibTeX",
  detect: looksLikeBibtex,
  read: readBibtex,
} satisfies Format;
