// Early warning: each theme of a theme set that crosses one of the study's thresholds raises one alert,
// delivered to everyone watching the study. Running it again for the same set adds nothing.
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { alertThresholdsOf } from "./thresholds";
import { crossedThresholds, describeCrossing, ZAlertFigures, type Crossing } from "./crossed-thresholds";

type ThemeRow = { id: string; label: string; evidence: unknown };

function figuresOf(theme: ThemeRow) {
  const parsed = ZAlertFigures.safeParse((theme.evidence as { indicators?: unknown } | null)?.indicators);
  return parsed.success ? parsed.data : null;
}

/** What the alert keeps: the crossings with their figures and thresholds, and where they came from. */
function alertData(theme: ThemeRow, crossings: Crossing[], context: { themeSetId: string; version: number; modelVersion: string | null }) {
  const indicators = (theme.evidence as { indicators?: Record<string, unknown> }).indicators ?? {};
  const lifeCycle = indicators.lifeCycle as { stage?: string | null } | undefined;
  const leader = (indicators.countries as { leader?: { country: string } | null } | undefined)?.leader;
  return {
    themeSetId: context.themeSetId,
    themeSetVersion: context.version,
    modelVersion: context.modelVersion,
    crossed: crossings,
    indicators: {
      volume: indicators.volume ?? null,
      growth: indicators.growth ?? null,
      emerging: indicators.emerging ?? null,
      stage: lifeCycle?.stage ?? null,
      leader: leader?.country ?? null,
    },
  };
}

async function raise(tx: Tx, themeSetId: string): Promise<string[]> {
  // One raiser per theme set at a time, so two concurrent runs cannot both see "no alert yet".
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alerts:${themeSetId}`}))`;
  const set = await tx.themeSet.findUnique({
    where: { id: themeSetId },
    include: {
      study: { select: { settings: true, watchers: { select: { userId: true } } } },
      topicRun: { select: { modelVersion: true } },
      themes: { select: { id: true, label: true, evidence: true, alerts: { select: { id: true } } }, orderBy: { index: "asc" } },
    },
  });
  if (!set) throw notFound("themeSet");
  const thresholds = alertThresholdsOf(set.study.settings);
  const context = { themeSetId, version: set.version, modelVersion: set.topicRun?.modelVersion ?? null };
  const created: string[] = [];
  for (const theme of set.themes) {
    if (theme.alerts.length > 0) continue;
    const figures = figuresOf(theme);
    const crossings = figures ? crossedThresholds(figures, thresholds) : [];
    if (crossings.length === 0) continue;
    const emerging = crossings[0].rule === "emerging_score";
    const alert = await tx.alert.create({
      data: {
        studyId: set.studyId,
        themeId: theme.id,
        kind: emerging ? "emerging" : "weak_signal",
        title: `${emerging ? "Emerging theme" : "Weak signal"}: ${theme.label}`,
        message: `${theme.label}: ${crossings.map(describeCrossing).join("; ")} (theme set version ${set.version}).`,
        data: { ...alertData(theme, crossings, context), thresholds },
      },
    });
    await tx.alertDelivery.createMany({ data: set.study.watchers.map((w) => ({ alertId: alert.id, userId: w.userId })), skipDuplicates: true });
    created.push(alert.id);
  }
  return created;
}

/**
 * Raises the alerts of a theme set; returns the ids of the alerts it created. Inside `tx` when given
 * (a scan's final transaction), else in its own transaction.
 */
export async function raiseThemeAlerts(themeSetId: string, tx?: Tx): Promise<string[]> {
  if (tx) return raise(tx, themeSetId);
  return db().$transaction((inner) => raise(inner, themeSetId));
}
