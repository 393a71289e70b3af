// Which table an export request gets, after checking what the viewer may take away: documents and
// themes for anyone who may read the study; a round's statistics once it is closed; its answers
// (pseudonymised) once it is closed and only when at least the round's minimum n of experts
// answered — admins, who see participation anyway, may take them at any time.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can, type Viewer } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { documentsTable } from "./documents-table";
import { themesTable, themeYearsTable } from "./themes-table";
import { answersTable, itemsTable, statisticsTable } from "./round-tables";
import type { ExportFormat, ExportTable } from "./write-table";

export const DATASETS = ["documents", "themes", "theme-years", "items", "statistics", "answers"] as const;
export type Dataset = (typeof DATASETS)[number];
const ROUND_DATASETS: readonly Dataset[] = ["items", "statistics", "answers"];

export const ZExportRequest = z.object({
  dataset: z.enum(DATASETS),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  round: z.string().regex(/^[\w-]{1,64}$/).optional(),
  version: z.coerce.number().int().min(1).optional(),
});
export type ExportRequest = z.input<typeof ZExportRequest>;

export type PreparedExport = { table: ExportTable; format: ExportFormat; fileName: string };

/** "Demo: Emerging energy…" → "demo-emerging-energy…": an ASCII file name part (the study id keeps it unique). */
export function fileSlug(name: string): string {
  return name.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_-]+/g, "-").slice(0, 40).replace(/-$/, "") || "study";
}

async function themeSetOf(studyId: string, version: number | undefined) {
  const set = await db().themeSet.findFirst({ where: { studyId, ...(version ? { version } : {}) }, orderBy: { version: "desc" }, select: { id: true, version: true } });
  if (version && !set) throw notFound("themeSetVersion");
  return set;
}

async function roundTable(studyId: string, dataset: Dataset, roundId: string | undefined, viewer: Viewer) {
  if (!roundId) throw invalid("exports.nameRound");
  const round = await db().round.findFirst({ where: { id: roundId, studyId }, select: { id: true, number: true, status: true, minN: true } });
  if (!round) throw notFound("round");
  const admin = can.manageRounds(viewer);
  if (dataset === "statistics" && round.status !== "CLOSED") throw conflict("exports.statisticsAfterClose");
  if (dataset === "answers") {
    if (!admin && round.status !== "CLOSED") throw conflict("exports.answersAfterClose");
    const respondents = await db().answer.findMany({ where: { roundId, status: "SUBMITTED" }, distinct: ["expertId"], select: { expertId: true } });
    if (!admin && respondents.length < round.minN) throw forbidden("exports.answersWithheld", { minN: round.minN });
    await recordAudit({ actorId: viewer.id, action: "round.export_answers", entity: "round", entityId: round.id, studyId, data: { experts: respondents.length } });
  }
  const table = dataset === "items" ? itemsTable(round.id) : dataset === "statistics" ? statisticsTable(round.id) : answersTable(round.id);
  return { table, suffix: `round-${round.number}-${dataset}` };
}

export async function prepareExport(studyId: string, request: ExportRequest, viewer: Viewer): Promise<PreparedExport> {
  if (!can.viewStudy(viewer)) throw forbidden();
  const { dataset, format, round, version } = ZExportRequest.parse(request);
  const study = await db().study.findUnique({ where: { id: studyId }, select: { id: true, name: true, homeCountry: true } });
  if (!study) throw notFound("study");
  let table: ExportTable;
  let suffix: string = dataset;
  if (ROUND_DATASETS.includes(dataset)) {
    ({ table, suffix } = await roundTable(study.id, dataset, round, viewer));
  } else if (dataset === "documents") {
    table = await documentsTable(study.id, (await themeSetOf(study.id, version))?.id ?? null);
  } else {
    const set = await themeSetOf(study.id, version);
    if (!set) throw conflict("exports.noThemes");
    table = dataset === "themes" ? await themesTable(set, study.homeCountry) : await themeYearsTable(set.id);
    suffix = `${dataset}-v${set.version}`;
  }
  return { table, format, fileName: `${fileSlug(study.name)}-${suffix}.${format}` };
}
