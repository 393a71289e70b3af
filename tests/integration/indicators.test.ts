// Indicators and early warning against a real PostgreSQL: a finished scan stores indicators that can be
// recomputed from the stored weights, and a theme crossing a threshold raises one alert per theme,
// delivered to the study's watchers, never twice.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { runImport } from "@/lib/ingest/run-import";
import { processScan } from "@/lib/scans/process-scan";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { raiseThemeAlerts } from "@/lib/alerts/raise-theme-alerts";
import { setAlertStatus } from "@/lib/alerts/set-alert-status";
import { watchStudy } from "@/lib/alerts/watch-study";
import { updateAlertThresholds } from "@/lib/alerts/update-alert-thresholds";
import { crossedThresholds } from "@/lib/alerts/crossed-thresholds";
import { alertThresholdsOf } from "@/lib/alerts/thresholds";
import { getThemeEvidence, indicatorsOf } from "@/lib/indicators/get-theme-evidence";
import { bytesOf, createStudy, createUser, resetDatabase } from "./helpers";

let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  studyId = (await createStudy()).id;
});
afterAll(() => disconnectDb());

async function watchers(n: number) {
  const users = [];
  for (let i = 0; i < n; i++) {
    const { password: _password, ...user } = await createUser({ role: i === 0 ? "ADMIN" : "PLANNER" });
    await watchStudy({ studyId, watching: true }, user);
    users.push(user);
  }
  return users;
}

/** A theme set whose themes carry the given indicator figures, as a scan would have stored them. */
async function themeSetWith(figures: { volume: number; growth: number | null; score: number | null }[]) {
  const set = await db().themeSet.create({ data: { studyId, version: 1, origin: "MACHINE" } });
  const themes = [];
  for (const [index, f] of figures.entries()) {
    const evidence = { indicators: { volume: f.volume, growth: f.growth, emerging: f.score === null ? null : { score: f.score }, lifeCycle: { stage: null } } };
    themes.push(await db().theme.create({ data: { themeSetId: set.id, index, label: `Theme ${index}`, topTerms: [], evidence } }));
  }
  return { set, themes };
}

describe("alerts", () => {
  it("raise one alert per crossing theme with its figures and thresholds, delivered to every watcher, and none on a re-run", async () => {
    const [admin, planner] = await watchers(2);
    await db().study.update({ where: { id: studyId }, data: { settings: { minN: 5, alerts: { emergingScoreMin: 2, weakSignal: { growthMin: 0.5, volumeMax: 10 } } } } });
    const { set, themes } = await themeSetWith([
      { volume: 80, growth: 0.1, score: 2.4 }, // emerging score
      { volume: 6, growth: 0.9, score: 1.2 }, // weak signal
      { volume: 5, growth: 0.8, score: 3 }, // both: still one alert
      { volume: 50, growth: 0.9, score: 1.9 }, // nothing
    ]);

    const created = await raiseThemeAlerts(set.id);
    expect(created).toHaveLength(3);
    const alerts = await db().alert.findMany({ where: { studyId }, include: { deliveries: true }, orderBy: { title: "asc" } });
    expect(alerts.map((a) => [a.themeId, a.kind, a.status])).toEqual([
      [themes[0].id, "emerging", "OPEN"],
      [themes[2].id, "emerging", "OPEN"],
      [themes[1].id, "weak_signal", "OPEN"],
    ]);
    const both = alerts.find((a) => a.themeId === themes[2].id)!;
    expect(both.data).toMatchObject({
      themeSetId: set.id,
      themeSetVersion: 1,
      crossed: [
        { rule: "emerging_score", figures: { emergingScore: 3 }, threshold: { emergingScoreMin: 2 } },
        { rule: "weak_signal", figures: { growth: 0.8, volume: 5 }, threshold: { growthMin: 0.5, volumeMax: 10 } },
      ],
      thresholds: { emergingScoreMin: 2, weakSignal: { growthMin: 0.5, volumeMax: 10 } },
    });
    expect(both.message).toBe("Theme 2: emerging score 3.00 ≥ 2; growth 80 %/yr ≥ 50 % on a volume of 5.0 ≤ 10 (weak signal) (theme set version 1).");
    for (const alert of alerts) expect(alert.deliveries.map((d) => d.userId).sort()).toEqual([admin.id, planner.id].sort());

    expect(await raiseThemeAlerts(set.id)).toEqual([]);
    expect(await db().alert.count()).toBe(3);
    expect(await db().alertDelivery.count()).toBe(6);
  });

  it("are not duplicated by two raisers running at once", async () => {
    await watchers(1);
    const { set } = await themeSetWith([{ volume: 80, growth: 0.1, score: 5 }, { volume: 80, growth: 0.1, score: 6 }]);
    const [a, b] = await Promise.all([raiseThemeAlerts(set.id), raiseThemeAlerts(set.id)]);
    expect(a.length + b.length).toBe(2);
    expect(await db().alert.count()).toBe(2);
    expect(await db().alertDelivery.count()).toBe(2);
  });

  it("are acknowledged and dismissed only by watchers, each change audited", async () => {
    const [watcher] = await watchers(1);
    const { password: _password, ...outsider } = await createUser({ role: "PLANNER" });
    const { set } = await themeSetWith([{ volume: 80, growth: 0.1, score: 5 }]);
    const [alertId] = await raiseThemeAlerts(set.id);

    await expect(setAlertStatus({ alertId, status: "ACKNOWLEDGED" }, outsider)).rejects.toMatchObject({ code: "forbidden" });
    expect(await setAlertStatus({ alertId, status: "ACKNOWLEDGED" }, watcher)).toEqual({ id: alertId, status: "ACKNOWLEDGED" });
    await expect(setAlertStatus({ alertId, status: "ACKNOWLEDGED" }, watcher)).rejects.toMatchObject({ code: "conflict" });
    const delivery = await db().alertDelivery.findUniqueOrThrow({ where: { alertId_userId: { alertId, userId: watcher.id } } });
    expect(delivery.readAt).not.toBeNull();
    await setAlertStatus({ alertId, status: "DISMISSED" }, watcher);
    expect((await db().alert.findUniqueOrThrow({ where: { id: alertId } })).status).toBe("DISMISSED");
    await expect(setAlertStatus({ alertId: "nope", status: "DISMISSED" }, watcher)).rejects.toMatchObject({ code: "not_found" });

    const audit = await db().auditLog.findMany({ where: { entity: "alert" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.entityId, a.studyId])).toEqual([
      ["alert.acknowledge", watcher.id, alertId, studyId],
      ["alert.dismiss", watcher.id, alertId, studyId],
    ]);
  });

  it("follow new thresholds at once for the latest themes, keeping other settings and old alerts", async () => {
    const [admin] = await watchers(1);
    await db().study.update({ where: { id: studyId }, data: { settings: { minN: 7 } } });
    const { set } = await themeSetWith([{ volume: 80, growth: 0.1, score: 2.5 }, { volume: 80, growth: 0.1, score: 1.2 }]);
    expect(await raiseThemeAlerts(set.id)).toHaveLength(1); // defaults: score ≥ 1.5

    const result = await updateAlertThresholds(studyId, { emergingScoreMin: "1.1", growthMinPercent: "", volumeMax: "" }, admin.id);
    expect(result).toEqual({ thresholds: { emergingScoreMin: 1.1, weakSignal: null }, raised: 1 });
    const study = await db().study.findUniqueOrThrow({ where: { id: studyId } });
    expect(study.settings).toEqual({ minN: 7, alerts: { emergingScoreMin: 1.1, weakSignal: null } });
    expect(await db().alert.count()).toBe(2);
    expect(await db().auditLog.count({ where: { action: "study.alert_thresholds", studyId } })).toBe(1);
    await expect(updateAlertThresholds(studyId, { emergingScoreMin: "-2" }, admin.id)).rejects.toThrow();
  });
});

describe("a finished scan", () => {
  async function importDemo() {
    for (const file of demoFiles(2026)) {
      const row = await db().import.create({ data: { studyId, fileName: file.name, status: "RUNNING" } });
      await runImport({ importId: row.id, bytes: bytesOf(file.content) });
    }
  }

  it("stores indicators that the stored weights reproduce, yearly breakdowns, and alerts for the crossing themes", async () => {
    const [watcher] = await watchers(1);
    await importDemo();
    const scan = await db().scan.create({ data: { studyId, parameters: { k: 10, iterations: 150, seed: 3 } } });
    await processScan(scan.id);
    expect((await db().scan.findUniqueOrThrow({ where: { id: scan.id } })).status).toBe("SUCCEEDED");

    const themes = await db().theme.findMany({ include: { documents: true, yearStats: true, alerts: { include: { deliveries: true } } } });
    expect(themes).toHaveLength(10);
    const thresholds = alertThresholdsOf({});
    let crossing = 0;
    for (const theme of themes) {
      const ind = indicatorsOf(theme.evidence)!;
      expect(ind, theme.label).not.toBeNull();
      // Traceable: volume and counts are sums over the stored document_theme rows.
      expect(ind.volume).toBeCloseTo(theme.documents.reduce((a, d) => a + d.weight, 0), 9);
      expect(ind.documentCount).toBe(theme.documents.filter((d) => d.weight >= 0.2).length);
      expect(ind.untilYear).toBe(2025);
      for (const stat of theme.yearStats) {
        const kinds = (stat.breakdown as { kinds: Record<string, number> }).kinds;
        expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBeCloseTo(stat.volume, 9);
      }
      expect(ind.countries.shares.reduce((a, s) => a + s.share, 0)).toBeLessThanOrEqual(1 + 1e-9);
      const crosses = crossedThresholds(ind, thresholds).length > 0;
      if (crosses) crossing++;
      expect(theme.alerts, theme.label).toHaveLength(crosses ? 1 : 0);
      for (const alert of theme.alerts) expect(alert.deliveries.map((d) => d.userId)).toEqual([watcher.id]);
    }
    // The demo plants fast-growing themes: at least one must cross the default thresholds.
    expect(crossing).toBeGreaterThan(0);
    const evidence = (themes[0].evidence as { modelVersion: string; terms: string[]; representative: unknown[] });
    expect(evidence.modelVersion).toMatch(/^gibbs-/);
    expect(evidence.terms).toHaveLength(10);

    const set = await db().themeSet.findFirstOrThrow({ where: { studyId } });
    expect(await raiseThemeAlerts(set.id)).toEqual([]);

    // The forecast the evidence page shows is ordinary least squares of ln(1 + volume) on year over
    // the study's calendar (years without documents count 0), recomputed here in plain arithmetic.
    const years = [...new Set(themes.flatMap((t) => t.yearStats.map((y) => y.year)))].sort((a, b) => a - b);
    const calendar = Array.from({ length: years.at(-1)! - years[0] + 1 }, (_, i) => years[0] + i);
    for (const theme of themes) {
      const { forecast } = (await getThemeEvidence(studyId, theme.id))!;
      const volume = new Map(theme.yearStats.map((y) => [y.year, y.volume]));
      const ys = calendar.map((year) => Math.log1p(volume.get(year) ?? 0));
      const meanX = calendar.reduce((a, x) => a + x, 0) / calendar.length;
      const meanY = ys.reduce((a, y) => a + y, 0) / ys.length;
      const slope = calendar.reduce((a, x, i) => a + (x - meanX) * (ys[i] - meanY), 0) / calendar.reduce((a, x) => a + (x - meanX) ** 2, 0);
      expect(forecast, theme.label).not.toBeNull();
      expect(forecast!.growth).toBeCloseTo(Math.expm1(slope), 3);
      expect(forecast!.points.map((p) => p.year)).toEqual([1, 2, 3].map((i) => calendar.at(-1)! + i));
      for (const p of forecast!.points) {
        const expected = Math.expm1(meanY + slope * (p.year - meanX));
        expect(Math.abs(p.value - expected) / Math.max(1, expected)).toBeLessThan(1e-3);
        expect(p.lower).toBeLessThanOrEqual(p.value);
        expect(p.upper).toBeGreaterThanOrEqual(p.value);
      }
    }
  });

  it("shows its evidence only within its own study", async () => {
    const { set, themes } = await themeSetWith([{ volume: 1, growth: 0, score: 1 }]);
    expect((await getThemeEvidence(studyId, themes[0].id))?.theme.themeSet.id).toBe(set.id);
    const other = await createStudy();
    expect(await getThemeEvidence(other.id, themes[0].id)).toBeNull();
  });
});
