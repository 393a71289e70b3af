// What happened to each theme between two versions of a theme set, from the themes' originIds along
// the parent chain. Pure: compare-theme-sets.ts loads the versions.

export type LineageTheme = { id: string; label: string; labelZh: string | null; originIds: readonly string[] };

export type ThemeChange =
  | { change: "unchanged"; themeId: string; fromId: string; label: string }
  | { change: "relabelled"; themeId: string; fromId: string; label: string; previousLabel: string }
  | { change: "merged"; themeId: string; fromIds: string[]; label: string; previousLabels: string[] }
  | { change: "split"; themeId: string; fromId: string; label: string; previousLabel: string }
  /** One ancestor and one descendant, but reshaped on the way (split and merged back, for instance). */
  | { change: "changed"; themeId: string; fromId: string; label: string; previousLabel: string }
  | { change: "new"; themeId: string; label: string }
  | { change: "deleted"; fromId: string; previousLabel: string };

type Trace = { ancestors: Set<string>; oneToOne: boolean };

/**
 * `versions[0]` is the older version, each next one a child of the one before, the last the version
 * compared. Lists the last version's themes in order, then the deleted themes of the first.
 */
export function compareLineage(versions: readonly (readonly LineageTheme[])[]): ThemeChange[] {
  const first = versions[0];
  const last = versions[versions.length - 1];
  let traces = new Map<string, Trace>(first.map((t) => [t.id, { ancestors: new Set([t.id]), oneToOne: true }]));
  for (let v = 1; v < versions.length; v++) {
    const children = new Map<string, number>();
    for (const theme of versions[v]) for (const id of theme.originIds) children.set(id, (children.get(id) ?? 0) + 1);
    const next = new Map<string, Trace>();
    for (const theme of versions[v]) {
      const origins = theme.originIds.filter((id) => traces.has(id));
      const ancestors = new Set(origins.flatMap((id) => [...traces.get(id)!.ancestors]));
      const oneToOne = origins.length === 1 && children.get(origins[0]) === 1 && traces.get(origins[0])!.oneToOne;
      next.set(theme.id, { ancestors, oneToOne });
    }
    traces = next;
  }
  const firstById = new Map(first.map((t) => [t.id, t]));
  const descendants = new Map<string, number>();
  for (const trace of traces.values()) for (const id of trace.ancestors) descendants.set(id, (descendants.get(id) ?? 0) + 1);

  const changes: ThemeChange[] = last.map((theme) => {
    const { ancestors, oneToOne } = traces.get(theme.id)!;
    const from = [...ancestors].map((id) => firstById.get(id)!);
    if (from.length === 0) return { change: "new", themeId: theme.id, label: theme.label };
    if (from.length > 1) return { change: "merged", themeId: theme.id, fromIds: from.map((t) => t.id), label: theme.label, previousLabels: from.map((t) => t.label) };
    const [origin] = from;
    const base = { themeId: theme.id, fromId: origin.id, label: theme.label };
    if (descendants.get(origin.id)! > 1) return { change: "split", ...base, previousLabel: origin.label };
    if (!oneToOne) return { change: "changed", ...base, previousLabel: origin.label };
    if (origin.label === theme.label && origin.labelZh === theme.labelZh) return { change: "unchanged", ...base };
    return { change: "relabelled", ...base, previousLabel: origin.label };
  });
  for (const theme of first) {
    if (!descendants.has(theme.id)) changes.push({ change: "deleted", fromId: theme.id, previousLabel: theme.label });
  }
  return changes;
}

export type Agreement = { machineThemes: number; unchanged: number; share: number | null; counts: Record<ThemeChange["change"], number> };

/**
 * Machine agreement: the share of the machine version's themes that reached the compared version
 * unchanged (not relabelled, merged, split or deleted).
 * @example agreementOf(3, [{ change: "unchanged" }, { change: "relabelled" }, { change: "deleted" }]).share // => 1 / 3
 */
export function agreementOf(machineThemes: number, changes: readonly Pick<ThemeChange, "change">[]): Agreement {
  const counts = { unchanged: 0, relabelled: 0, merged: 0, split: 0, changed: 0, new: 0, deleted: 0 };
  for (const c of changes) counts[c.change]++;
  return { machineThemes, unchanged: counts.unchanged, share: machineThemes > 0 ? counts.unchanged / machineThemes : null, counts };
}
