// Which aggregates are withheld (delphi-methods.md §3.3, "minimum n before showing aggregates"): a
// group below the round's minimum n, and — so that nobody can subtract the shown groups from the
// total to recover a hidden one — further groups of the same family until what is hidden adds up to
// at least the minimum n (secondary suppression, as statistical offices do for tables).

export type GroupCount = { key: string; n: number };

/**
 * The keys of a family of subgroups (e.g. the sectors) to withhold. `total` is the n of the whole
 * panel; experts in no group of the family (no familiarity given) count as a hidden group.
 * @example suppressedGroups([{ key: "a", n: 6 }, { key: "b", n: 5 }, { key: "c", n: 1 }], 12, 5)
 *   // => Set { "c", "b" }: c alone would be all − a − b
 */
export function suppressedGroups(groups: readonly GroupCount[], total: number, minN: number): Set<string> {
  const hidden = new Set(groups.filter((g) => g.n < minN).map((g) => g.key));
  const assigned = groups.reduce((sum, g) => sum + g.n, 0);
  let hiddenN = total - assigned + groups.filter((g) => hidden.has(g.key)).reduce((sum, g) => sum + g.n, 0);
  const visible = groups.filter((g) => !hidden.has(g.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  while (hiddenN > 0 && hiddenN < minN && visible.length > 0) {
    const next = visible.shift() as GroupCount;
    hidden.add(next.key);
    hiddenN += next.n;
  }
  return hidden;
}
