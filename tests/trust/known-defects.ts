// Defects the trust tests found in readers outside this suite, open until their owners fix them. A
// failure that matches an entry is counted and named in the figures as a known defect instead of
// failing the run; a bomb marked with an entry must still fail its checks (bombs.test.ts), and every
// fuzz entry has a reproduction that must still show it (known-defects.test.ts) — so a fix shows up
// as a failing test until its entry is removed here.
export type KnownDefect = {
  id: string;
  file: string;
  /** What goes wrong, measured. */
  summary: string;
  /** The change that removes it. */
  fix: string;
  /** Fuzz failures it explains: same format (forced or detected), detail and label matching. */
  fuzz?: { format: string; kind: string; detail?: RegExp; label?: RegExp };
};

export const KNOWN_DEFECTS: KnownDefect[] = [];

export function knownDefect(id: string): KnownDefect {
  const defect = KNOWN_DEFECTS.find((d) => d.id === id);
  if (!defect) throw new Error(`No known defect "${id}"`);
  return defect;
}

/** The known defect that explains a fuzz failure, if one does. */
export function explainFuzzFailure(failure: { format: string; label: string; kind: string; detail: string }): KnownDefect | null {
  return (
    KNOWN_DEFECTS.find(({ fuzz }) => {
      if (!fuzz || fuzz.kind !== failure.kind) return false;
      const format = failure.format === "auto" ? failure.label.split(" ")[1] : failure.format;
      return format === fuzz.format && (!fuzz.detail || fuzz.detail.test(failure.detail)) && (!fuzz.label || fuzz.label.test(failure.label));
    }) ?? null
  );
}
