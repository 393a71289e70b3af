// Suggestions of experts for the themes of a study's current version, ranked by expert-match.ts, with
// the matched terms as the reason.
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { indexProfile, matchTheme, type MatchReason } from "@/lib/experts/expert-match";

export type Suggestion = { userId: string; name: string; organisation: string | null; sector: string; country: string | null; score: number; reasons: MatchReason[] };

export async function suggestExperts(viewer: Viewer, studyId: string, options: { perTheme?: number } = {}) {
  if (!can.manageExperts(viewer)) throw forbidden();
  const perTheme = options.perTheme ?? 5;
  const current = await db().themeSet.findFirst({
    where: { studyId },
    orderBy: { version: "desc" },
    select: { version: true, themes: { orderBy: { index: "asc" }, select: { id: true, label: true, topTerms: true } } },
  });
  const experts = await db().user.findMany({
    where: { role: "EXPERT", disabledAt: null, profile: { isNot: null } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, profile: true, invitations: { where: { round: { studyId }, status: { not: "REVOKED" } }, select: { id: true } } },
  });
  const indexed = experts.map((e) => ({ expert: e, index: indexProfile(e.profile!) }));
  const themes = (current?.themes ?? []).map((theme) => {
    const topTerms = theme.topTerms as { term: string; weight: number }[];
    const ranked: Suggestion[] = indexed
      .map(({ expert, index }) => ({ expert, ...matchTheme(index, { topTerms }) }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || (a.expert.name < b.expert.name ? -1 : 1))
      .slice(0, perTheme)
      .map(({ expert, score, reasons }) => ({
        userId: expert.id,
        name: expert.name,
        organisation: expert.profile!.organisation,
        sector: expert.profile!.sector,
        country: expert.profile!.country,
        score,
        reasons,
      }));
    return { themeId: theme.id, label: theme.label, suggestions: ranked };
  });
  const overall = new Map<string, { userId: string; name: string; themes: number; score: number; onPanel: boolean }>();
  for (const theme of themes) {
    for (const s of theme.suggestions) {
      const expert = experts.find((e) => e.id === s.userId)!;
      const entry = overall.get(s.userId) ?? { userId: s.userId, name: s.name, themes: 0, score: 0, onPanel: expert.invitations.length > 0 };
      entry.themes++;
      entry.score += s.score;
      overall.set(s.userId, entry);
    }
  }
  return { version: current?.version ?? null, themes, overall: [...overall.values()].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1)) };
}
