// Everything the study dashboard shows, built from one theme set (the latest unless a version is
// asked for): the loader reads rows, the pure builders beside it shape them for the charts.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { indicatorsOf } from "@/lib/indicators/get-theme-evidence";
import { alertThresholdsOf } from "@/lib/alerts/thresholds";
import type { Crossing } from "@/lib/alerts/crossed-thresholds";
import { growthRate, yearlyVolume } from "@/lib/trends/growth";
import type { StoredStatistic } from "@/lib/delphi/feedback";
import { river } from "./river";
import { bubbles } from "./bubbles";
import { themeSimilarity } from "./similarity";
import { topicMap } from "./topic-map";
import { network } from "./network";
import { hierarchy } from "./hierarchy";
import { leadership } from "./leadership";
import { collaboration } from "./collaboration";
import { watchList } from "./watch-list";
import { importanceBoxes } from "./importance";
import type { DashboardTheme, WeightProduct } from "./types";

/** Σ w² per theme and Σ w_a·w_b per pair of themes over shared documents, summed by PostgreSQL. */
async function weightProducts(themeIds: string[]) {
  if (themeIds.length === 0) return null;
  const squares = await db().$queryRaw<{ id: string; s: number }[]>`
    SELECT "theme_id" AS id, sum("weight" * "weight")::float8 AS s FROM "document_theme"
    WHERE "theme_id" = ANY(${themeIds}::text[]) GROUP BY "theme_id"`;
  const products = await db().$queryRaw<WeightProduct[]>`
    SELECT x."theme_id" AS a, y."theme_id" AS b, sum(x."weight" * y."weight")::float8 AS dot
    FROM "document_theme" x JOIN "document_theme" y ON y."document_id" = x."document_id" AND x."theme_id" < y."theme_id"
    WHERE x."theme_id" = ANY(${themeIds}::text[]) AND y."theme_id" = ANY(${themeIds}::text[])
    GROUP BY x."theme_id", y."theme_id"`;
  return { squares: new Map(squares.map((r) => [r.id, Number(r.s)])), products: products.map((p) => ({ ...p, dot: Number(p.dot) })) };
}

/** Documents per year of the study, and their growth over the indicators' last five years. */
async function corpusYears(studyId: string, untilYear: number | null) {
  const rows = await db().document.groupBy({ by: ["year"], where: { studyId, year: { not: null } }, _count: { _all: true } });
  const yearly = yearlyVolume(rows.map((r) => ({ year: r.year, weight: r._count._all })));
  const growth = untilYear === null ? null : growthRate(yearly.filter((y) => y.year <= untilYear), { window: 5, untilYear });
  return { yearly, growth };
}

/** The study's latest closed rating round that asked the importance question, with its overall statistics. */
async function latestImportance(studyId: string) {
  const round = await db().round.findFirst({
    where: { studyId, status: "CLOSED", kind: "RATING", questions: { some: { key: "importance" } } },
    orderBy: { number: "desc" },
    select: {
      id: true, number: true, title: true, minN: true, closedAt: true,
      questions: { where: { key: "importance" }, select: { id: true, label: true, labelZh: true, config: true } },
      items: { select: { id: true, title: true, titleZh: true, themeId: true, position: true } },
    },
  });
  if (!round) return null;
  const question = round.questions[0];
  const statistics = await db().itemStatistic.findMany({ where: { roundId: round.id, questionId: question.id, subgroup: "all" } });
  const boxes = importanceBoxes(round.items.map((i) => ({ itemId: i.id, title: i.title, titleZh: i.titleZh, themeId: i.themeId, position: i.position })), statistics as StoredStatistic[], question.id);
  const config = question.config as { min?: unknown; max?: unknown } | null;
  const scale: [number, number] = [typeof config?.min === "number" ? config.min : 1, typeof config?.max === "number" ? config.max : 5];
  return { roundId: round.id, number: round.number, title: round.title, minN: round.minN, closedAt: round.closedAt?.toISOString() ?? null, question: { id: question.id, label: question.label, labelZh: question.labelZh }, scale, boxes };
}

export async function getDashboard(studyId: string, options: { version?: number } = {}) {
  const study = await db().study.findUnique({
    where: { id: studyId },
    select: { id: true, name: true, question: true, horizonYear: true, homeCountry: true, settings: true, _count: { select: { documents: true } } },
  });
  if (!study) throw notFound("study");
  const sets = await db().themeSet.findMany({ where: { studyId }, orderBy: { version: "desc" }, select: { id: true, version: true, origin: true, createdAt: true } });
  const set = options.version === undefined ? sets[0] : sets.find((s) => s.version === options.version);
  if (options.version !== undefined && !set) throw notFound("themeSetVersion");
  const rounds = await db().round.findMany({ where: { studyId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, status: true, kind: true } });
  const base = {
    study: { id: study.id, name: study.name, question: study.question, horizonYear: study.horizonYear, homeCountry: study.homeCountry, documents: study._count.documents },
    versions: sets.map((s) => s.version),
    rounds,
  };
  if (!set) return { ...base, themeSet: null } as const;

  const [rows, areas, alerts] = await Promise.all([
    db().theme.findMany({ where: { themeSetId: set.id }, orderBy: { index: "asc" }, include: { yearStats: { orderBy: { year: "asc" } } } }),
    db().themeArea.findMany({ where: { themeSetId: set.id }, select: { id: true, parentId: true, label: true, labelZh: true } }),
    db().alert.findMany({
      where: { studyId, status: { in: ["OPEN", "ACKNOWLEDGED"] } },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: 50,
      select: { id: true, themeId: true, kind: true, title: true, message: true, status: true, createdAt: true, data: true, theme: { select: { label: true, labelZh: true } } },
    }),
  ]);
  const ids = rows.map((t) => t.id);
  const links = await db().themeLink.findMany({ where: { fromId: { in: ids }, toId: { in: ids } }, select: { fromId: true, toId: true, weight: true } });
  const themes: DashboardTheme[] = rows.map((t) => ({
    id: t.id, index: t.index, label: t.label, labelZh: t.labelZh, areaId: t.areaId,
    topTerms: (Array.isArray(t.topTerms) ? t.topTerms : []) as unknown as DashboardTheme["topTerms"],
    documentCount: t.documentCount, indicators: indicatorsOf(t.evidence),
  }));
  const untilYear = themes.reduce<number | null>((max, t) => (t.indicators ? Math.max(max ?? -Infinity, t.indicators.untilYear) : max), null);
  const stats = rows.flatMap((t) => t.yearStats.map((s) => ({ themeId: t.id, year: s.year, volume: s.volume, documentCount: s.documentCount })));
  const [weights, corpus, importance] = await Promise.all([weightProducts(ids), corpusYears(studyId, untilYear), latestImportance(studyId)]);
  const similarity = themeSimilarity(themes, weights);
  const thresholds = alertThresholdsOf(study.settings);

  return {
    ...base,
    themeSet: { id: set.id, version: set.version, origin: set.origin, createdAt: set.createdAt.toISOString() },
    untilYear,
    corpus,
    themes: themes.map((t) => ({
      id: t.id, index: t.index, label: t.label, labelZh: t.labelZh, documentCount: t.documentCount,
      volume: t.indicators?.volume ?? null, growth: t.indicators?.growth ?? null, stage: t.indicators?.lifeCycle.stage ?? null,
      emergingScore: t.indicators?.emerging?.score ?? null, leadingPhase: t.indicators?.kindMix?.leading ?? null,
    })),
    river: river(themes, stats, { untilYear: untilYear ?? undefined }),
    bubbles: bubbles(themes, { corpusGrowth: corpus.growth }),
    topicMap: topicMap(themes, similarity),
    network: network(themes, links, similarity),
    hierarchy: hierarchy(themes, areas, similarity),
    leadership: leadership(themes, study.homeCountry),
    collaboration: collaboration(themes),
    watchList: watchList(themes, thresholds),
    thresholds,
    alerts: alerts.map((a) => ({
      id: a.id, themeId: a.themeId, kind: a.kind, title: a.title, message: a.message, status: a.status, createdAt: a.createdAt.toISOString(),
      themeLabel: a.theme?.label ?? null, themeLabelZh: a.theme?.labelZh ?? null,
      crossed: ((a.data as { crossed?: Crossing[] } | null)?.crossed ?? []) as Crossing[],
    })),
    importance,
  } as const;
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
export type ReadyDashboard = Extract<Dashboard, { themeSet: { id: string } }>;
