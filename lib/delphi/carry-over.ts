// Which items a later rating round asks (PRODUCT.md §4): the previous round's items without consensus
// (outcome CARRIED_OVER), and every theme that curation changed since the previous round's theme set
// — relabelled, merged, split, reshaped or new — whatever the previous outcome. What changed comes
// from curation's lineage (lib/curation/lineage.ts compareLineage, along the versions' parent chain).
// Pure: it plans, create-round writes.
//
// An unchanged theme carries its item when that item was carried over; a changed theme is asked as a
// new item, pointing back to the previous item when it comes from exactly one; the item of a deleted
// theme is dropped. Without a lineage (the new set is a fresh scan, not a descendant of the previous
// one) nothing counts as changed: the carried items keep their themes and the old set stays in use.
import type { ThemeChange } from "@/lib/curation/lineage";

export type PreviousItem = { id: string; themeId: string | null; outcome: string };

export type PlannedItem =
  /** The previous item asked again; `themeId` is its theme in the new set when it moved to one. */
  | { kind: "carry"; previous: PreviousItem; themeId: string | null }
  /** A theme changed by curation, asked as a new item; previousId when it comes from one item. */
  | { kind: "changed"; themeId: string; change: ThemeChange["change"]; previousId: string | null };
export type CarryOverPlan = { items: PlannedItem[]; usesNewThemeSet: boolean };

const carriedOver = (p: PreviousItem) => p.outcome === "CARRIED_OVER";

export function planCarryOver(previous: readonly PreviousItem[], changes: readonly ThemeChange[] | null): CarryOverPlan {
  if (changes === null) return { items: previous.filter(carriedOver).map((p) => ({ kind: "carry", previous: p, themeId: null })), usesNewThemeSet: false };
  const itemOf = (themeId: string) => previous.find((p) => p.themeId === themeId);
  const unchanged = new Map(changes.flatMap((c) => (c.change === "unchanged" ? [[c.fromId, c.themeId] as const] : [])));
  const known = new Set(changes.flatMap((c) => ("fromId" in c ? [c.fromId] : "fromIds" in c ? c.fromIds : [])));

  const items: PlannedItem[] = [];
  for (const p of previous.filter(carriedOver)) {
    // An item whose theme is not in the previous set (admin-written, or kept from an older set) stays as it is.
    if (p.themeId === null || !known.has(p.themeId)) items.push({ kind: "carry", previous: p, themeId: null });
    else if (unchanged.has(p.themeId)) items.push({ kind: "carry", previous: p, themeId: unchanged.get(p.themeId) as string });
  }
  for (const c of changes) {
    if (c.change === "unchanged" || c.change === "deleted") continue;
    const sources = ("fromIds" in c ? c.fromIds : "fromId" in c ? [c.fromId] : []).map(itemOf).filter((p) => p !== undefined);
    items.push({ kind: "changed", themeId: c.themeId, change: c.change, previousId: sources.length === 1 ? sources[0].id : null });
  }
  return { items, usesNewThemeSet: true };
}
