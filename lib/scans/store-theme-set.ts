// The end of a scan, in one transaction: a new theme-set version with its themes, document weights
// and yearly indicators, areas and links (theme-structure.ts), the saved model, and the finished scan.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { LdaModel } from "@/lib/topics/lda";
import { MEMBERSHIP_THRESHOLD, STORED_WEIGHT_MIN, type ThemeDescription } from "@/lib/scans/describe-themes";
import { loadIndicatorDocuments, themeSetIndicators } from "@/lib/indicators/theme-set-indicators";
import { raiseThemeAlerts } from "@/lib/alerts/raise-theme-alerts";
import { carryCurationForward } from "@/lib/curation/carry-curation-forward";
import { themeStructure } from "@/lib/scans/theme-structure";

export type StoreThemeSetOptions = {
  scanId: string;
  topicRunId: string;
  studyId: string;
  model: LdaModel;
  themes: ThemeDescription[];
  trainSeconds: number;
};

export async function storeThemeSet(options: StoreThemeSetOptions) {
  const { scanId, topicRunId, studyId, model, themes } = options;
  // Indicators come from the stored weights and the documents' metadata, computed before the transaction.
  const computed = themeSetIndicators(themes, await loadIndicatorDocuments(db(), studyId), { membershipThreshold: MEMBERSHIP_THRESHOLD });
  const structure = await themeStructure(model, themes);
  return db().$transaction(
    async (tx) => {
      const latest = await tx.themeSet.aggregate({ where: { studyId }, _max: { version: true } });
      const themeSet = await tx.themeSet.create({
        data: { studyId, version: (latest._max.version ?? 0) + 1, origin: "MACHINE", topicRunId, note: "Machine themes from a scan" },
      });
      await recordAudit({ actorId: null, action: "theme_set.create", entity: "theme_set", entityId: themeSet.id, studyId, data: { version: themeSet.version, origin: "MACHINE", scanId } }, tx);
      const areaIds: string[] = [];
      for (const area of structure.areas) areaIds.push((await tx.themeArea.create({ data: { themeSetId: themeSet.id, label: area.label } })).id);
      const themeIds: string[] = [];
      for (const [i, theme] of themes.entries()) {
        const { indicators, years } = computed[i];
        const row = await tx.theme.create({
          data: {
            themeSetId: themeSet.id,
            index: theme.index,
            label: theme.label,
            topTerms: theme.topTerms,
            weight: theme.weight,
            documentCount: theme.documentCount,
            areaId: areaIds[structure.areaOf[i]],
            evidence: {
              modelVersion: model.version,
              topicRunId,
              terms: theme.topTerms.slice(0, 10).map((t) => t.term),
              representative: theme.representative,
              volume: theme.volume,
              counts: theme.counts,
              growth: indicators.growth,
              basis: { table: "document_theme", minWeight: STORED_WEIGHT_MIN, membershipThreshold: MEMBERSHIP_THRESHOLD, documents: theme.documents.length },
              indicators,
              mapPosition: structure.positions[i],
              forecast: structure.forecasts[i],
            },
          },
        });
        themeIds.push(row.id);
        await tx.documentTheme.createMany({ data: theme.documents.map((d) => ({ themeId: row.id, documentId: d.documentId, weight: d.weight })) });
        const counts = new Map(theme.counts.map((c) => [c.year, c.value]));
        const breakdowns = new Map(years.map(({ year, volume: _volume, ...breakdown }) => [year, breakdown]));
        await tx.themeYearStat.createMany({
          data: theme.volume.map((v) => ({ themeId: row.id, year: v.year, volume: v.value, documentCount: counts.get(v.year) ?? 0, breakdown: breakdowns.get(v.year) ?? {} })),
        });
      }
      await tx.themeLink.createMany({ data: structure.links.map((l) => ({ fromId: themeIds[l.from], toId: themeIds[l.to], weight: l.weight })) });
      await tx.topicRun.update({
        where: { id: topicRunId },
        data: { status: "SUCCEEDED", progress: 1, sweeps: model.sweeps, trainSeconds: options.trainSeconds, model: model.toJSON() as object, finishedAt: new Date() },
      });
      await carryCurationForward(themeSet.id, tx);
      await raiseThemeAlerts(themeSet.id, tx);
      await tx.scan.update({ where: { id: scanId }, data: { status: "SUCCEEDED", stage: "done", progress: 1, finishedAt: new Date() } });
      return themeSet;
    },
    { timeout: 120_000 },
  );
}
