// First start of the embedded default: three demo accounts and a demo study whose corpus this
// project generates (lib/demo), imported and scanned through the same code as any study.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createStudy } from "@/lib/studies/create-study";
import { runImport } from "@/lib/ingest/run-import";
import { processScan } from "@/lib/scans/process-scan";
import { demoFiles } from "@/lib/demo/generate-corpus";

export const DEMO_STUDY_NAME = "Demo: Emerging energy, computing and life-science technologies";
export const DEMO_SEED = 2026;
/** Eight planted themes plus room for the genre topics (patent and news boilerplate) real corpora have. */
export const DEMO_THEMES = 10;

export type DemoAccount = { role: "ADMIN" | "EXPERT" | "PLANNER"; email: string; password: string };

/** Seeds once: returns the accounts (passwords in clear, to print once) or null when users exist. */
export async function seedDemo(log: (line: string) => void = () => {}): Promise<DemoAccount[] | null> {
  if ((await db().user.count()) > 0) return null;
  const accounts: DemoAccount[] = [
    { role: "ADMIN", email: "admin@demo.foresight.local", password: randomPassword() },
    { role: "EXPERT", email: "expert@demo.foresight.local", password: randomPassword() },
    { role: "PLANNER", email: "planner@demo.foresight.local", password: randomPassword() },
  ];
  const names = { ADMIN: "Demo Admin", EXPERT: "Demo Expert", PLANNER: "Demo Planner" };
  let adminId = "";
  for (const a of accounts) {
    const user = await db().user.create({
      data: {
        email: a.email,
        name: names[a.role],
        role: a.role,
        passwordHash: await hashPassword(a.password),
        ...(a.role === "EXPERT" ? { profile: { create: { organisation: "Demo Institute", sector: "ACADEMIA", country: "CN", fields: ["energy"], keywords: ["battery", "hydrogen"] } } } : {}),
      },
    });
    if (a.role === "ADMIN") adminId = user.id;
  }
  await seedDemoStudy(adminId, log);
  return accounts;
}

export async function seedDemoStudy(adminId: string | null, log: (line: string) => void = () => {}) {
  const study = await createStudy(
    {
      name: DEMO_STUDY_NAME,
      question: "Which technologies will matter most for the country by 2040, and where does it lead or follow?",
      scope: "Papers, patents and news on eight technology fields, 2012–2025 (generated sample corpus)",
      horizonYear: 2040,
      homeCountry: "CN",
    },
    adminId,
  );
  for (const file of demoFiles(DEMO_SEED)) {
    const bytes = Buffer.from(file.content, "utf8");
    const row = await db().import.create({
      data: { studyId: study.id, fileName: file.name, fileSize: bytes.length, status: "RUNNING", startedAt: new Date(), createdById: adminId },
    });
    const summary = await runImport({ importId: row.id, bytes: (async function* () { yield bytes; })() });
    log(`demo: imported ${summary.imported} documents from ${file.name}`);
  }
  const scan = await db().scan.create({
    data: { studyId: study.id, question: "What are the technology themes in the corpus?", parameters: { k: DEMO_THEMES, iterations: 300, seed: 7 }, createdById: adminId },
  });
  await processScan(scan.id);
  log("demo: scan finished, themes ready");
  return study;
}

function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}
