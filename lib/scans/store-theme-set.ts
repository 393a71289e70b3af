// The end of a scan, in one transaction: a new theme-set version with its themes, document weights
// and yearly indicators, the saved model, and the finished scan.
import { db } from "@/lib/db";
import type { LdaModel } from "@/lib/topics/lda";
import type { ThemeDescription } from "@/lib/scans/describe-themes";

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
  return db().$transaction(
    async (tx) => {
      const latest = await tx.themeSet.aggregate({ where: { studyId }, _max: { version: true } });
      const themeSet = await tx.themeSet.create({
        data: { studyId, version: (latest._max.version ?? 0) + 1, origin: "MACHINE", topicRunId, note: "Machine themes from a scan" },
      });
      for (const theme of themes) {
        const row = await tx.theme.create({
          data: {
            themeSetId: themeSet.id,
            index: theme.index,
            label: theme.label,
            topTerms: theme.topTerms,
            weight: theme.weight,
            documentCount: theme.documentCount,
            evidence: {
              modelVersion: model.version,
              topicRunId,
              representative: theme.representative,
              volume: theme.volume,
              growth: theme.growth,
            },
          },
        });
        await tx.documentTheme.createMany({ data: theme.documents.map((d) => ({ themeId: row.id, documentId: d.documentId, weight: d.weight })) });
        const counts = new Map(theme.counts.map((c) => [c.year, c.value]));
        await tx.themeYearStat.createMany({
          data: theme.volume.map((v) => ({ themeId: row.id, year: v.year, volume: v.value, documentCount: counts.get(v.year) ?? 0 })),
        });
      }
      await tx.topicRun.update({
        where: { id: topicRunId },
        data: { status: "SUCCEEDED", progress: 1, sweeps: model.sweeps, trainSeconds: options.trainSeconds, model: model.toJSON() as object, finishedAt: new Date() },
      });
      await tx.scan.update({ where: { id: scanId }, data: { status: "SUCCEEDED", stage: "done", progress: 1, finishedAt: new Date() } });
      return themeSet;
    },
    { timeout: 120_000 },
  );
}
