// The consensus report's builders: every number is the stored statistic it comes from, aggregates
// below a round's minimum n stay withheld everywhere (tables and charts), chains of carried items are
// one technology, and the key technologies follow the ranking round or the importance index.
import { describe, expect, it } from "vitest";
import { buildStudyReport } from "@/lib/reports/build-study-report";
import { bandShare } from "@/lib/reports/figures";
import { chainRoots, evidenceOf } from "@/lib/reports/technologies";
import { panelOf } from "@/lib/reports/method";
import type { StoredStatistic } from "@/lib/delphi/feedback";
import type { ScaleFigures, Technology } from "@/lib/reports/report-types";
import { rankingRound, twoRoundStudy } from "./factories";

const overall = (statistics: StoredStatistic[], itemId: string, key: string) => statistics.find((s) => s.itemId === itemId && s.questionId.endsWith(`:${key}`) && s.subgroup === "all")!;
const technology = (report: ReturnType<typeof buildStudyReport>, key: string) => report.areas.flatMap((a) => a.technologies).find((t) => t.key === key)!;
const figures = (t: Technology) => t.headline as ScaleFigures;

describe("the study report's figures", () => {
  it("are the stored overall statistics of each technology's last round, unchanged", () => {
    const { input } = twoRoundStudy();
    const report = buildStudyReport(input);
    const last: Record<string, string> = { a1: "a1", b1: "b2", c1: "c1", d1: "d2" };
    for (const [key, itemId] of Object.entries(last)) {
      const row = overall(input.statistics, itemId, "importance");
      const f = figures(technology(report, key));
      expect(f.withheld).toBe(false);
      expect({ n: f.n, dontKnow: f.dontKnow, mean: f.mean, sd: f.sd, median: f.median, q1: f.q1, q3: f.q3, iqr: f.iqr, agreement: f.agreement, importanceIndex: f.importanceIndex }).toEqual({
        n: row.n, dontKnow: row.dontKnow, mean: row.mean, sd: row.sd, median: row.median, q1: row.q1, q3: row.q3, iqr: row.iqr, agreement: row.agreement, importanceIndex: row.importanceIndex,
      });
      const distribution = row.distribution as Record<string, number>;
      const answered = Object.keys(distribution).filter((k) => distribution[k] > 0).map(Number);
      expect(f.box).toEqual([Math.min(...answered), row.q1, row.median, row.q3, Math.max(...answered)]);
    }
    // Realisation years too: median and quartiles of the years, "never" counted apart.
    const years = overall(input.statistics, "a1", "realisation_year");
    expect(technology(report, "a1").realisation).toMatchObject({ withheld: false, n: years.n, median: years.median, q1: years.q1, q3: years.q3, never: 1, already: 0 });
  });

  it("computes the disagreement share from the stored distribution and the disagree band", () => {
    expect(bandShare({ "1": 1, "2": 1, "5": 2 }, [1, 2], 4)).toBe(0.5);
    expect(bandShare({}, [1, 2], 0)).toBeNull();
    const { input } = twoRoundStudy();
    const fusion = figures(technology(buildStudyReport(input), "b1"));
    expect(fusion.disagreement).toBeCloseTo(2 / 5, 12); // answers 1 and 2 of 1 3 5 2 4
  });

  it("withholds an item below the round's minimum n in its results, its history, the box plots and the key technologies", () => {
    const { input } = twoRoundStudy({ roundId: "r1" });
    const report = buildStudyReport(input);
    const hydrogen = technology(report, "d1");
    expect(hydrogen.headline).toEqual({ withheld: true, n: 2 });
    expect(report.charts.boxes.find((b) => b.key === "d1")).toMatchObject({ withheld: true, box: null, n: 2 });
    expect(report.charts.radar.map((p) => p.key)).not.toContain("d1");
    const keys = report.keyTechnologies.basis === "importance" ? report.keyTechnologies.items.map((k) => k.key) : [];
    expect(keys).toEqual(["a1"]); // the only accepted technology of round 1
    // In the study report it is shown at round 2, and its round-1 figures stay withheld in the history.
    const study = buildStudyReport(twoRoundStudy().input);
    expect(technology(study, "d1").history.map((h) => h.headline?.withheld)).toEqual([true, false]);
    // Only technologies whose figures are shown reach a chart.
    expect(report.charts.boxes.filter((b) => b.box).map((b) => b.key)).toEqual(["a1", "b1", "c1"]);
  });

  it("follows carried items into one technology with its outcome and stability in every round", () => {
    const { input, r2 } = twoRoundStudy();
    expect(chainRoots(input.rounds).get("b2")).toBe("b1");
    const report = buildStudyReport(input);
    const fusion = technology(report, "b1");
    expect(fusion.history.map((h) => [h.roundNumber, h.outcome])).toEqual([[1, "CARRIED_OVER"], [2, "DISSENT"]]);
    const stability = (overall(r2.statistics, "b2", "importance").consensus as { stability: { percentChange: number; wilcoxonP: number } }).stability;
    expect(figures(fusion).percentChange).toBe(stability.percentChange);
    expect(report.charts.stability.find((s) => s.key === "b1")).toEqual({ key: "b1", title: "Fusion power", titleZh: null, roundNumber: 2, percentChange: stability.percentChange, wilcoxonP: stability.wilcoxonP });
    expect(report.charts.consensus).toEqual([
      { number: 1, title: "Round 1", counts: { ACCEPTED: 1, CARRIED_OVER: 2, REJECTED: 1 } },
      { number: 2, title: "Round 2", counts: { DISSENT: 1, ACCEPTED: 1 } },
    ]);
    expect(report.summary).toMatchObject({ technologies: 4, closedRounds: 2, respondents: 5, outcomes: { ACCEPTED: 2, REJECTED: 1, DISSENT: 1 } });
  });

  it("groups technologies by their theme's area, those without one last", () => {
    const report = buildStudyReport(twoRoundStudy().input);
    expect(report.areas.map((a) => [a.label, a.technologies.map((t) => t.key)])).toEqual([
      ["Energy", ["a1", "b1"]],
      ["Physics", ["c1"]],
      ["", ["d1"]],
    ]);
  });

  it("shows the dissent with what the panel wrote about it, and nothing about other items", () => {
    const { input } = twoRoundStudy({
      notes: [
        { roundId: "r2", itemId: "b2", author: "Expert 2", body: "Confinement is still unsolved.", kind: "comment" },
        { roundId: "r1", itemId: "b1", author: "Expert 4", body: "Private money changes the timeline.", kind: "rationale" },
        { roundId: "r1", itemId: "a1", author: "Expert 1", body: "Already in pilot lines.", kind: "comment" },
      ],
    });
    const report = buildStudyReport(input);
    expect(report.minorityViews).toHaveLength(1);
    expect(report.minorityViews[0]).toMatchObject({ key: "b1", roundNumber: 2, outcome: "DISSENT" });
    expect(report.minorityViews[0].notes).toEqual([
      { roundNumber: 1, author: "Expert 4", body: "Private money changes the timeline.", kind: "rationale" },
      { roundNumber: 2, author: "Expert 2", body: "Confinement is still unsolved.", kind: "comment" },
    ]);
    const fusion = report.keyTechnologies.basis === "importance" ? report.keyTechnologies.items.find((k) => k.key === "b1") : undefined;
    expect(fusion).toBeUndefined(); // not accepted, so not a key technology while accepted ones exist
  });

  it("ranks key technologies by the ranking round when one has closed, with the stored Kendall's W", () => {
    const { input } = twoRoundStudy();
    const ranking = rankingRound({
      id: "r3",
      number: 3,
      candidates: [{ id: "k-a", previousId: "a1", title: "Solid-state batteries" }, { id: "k-d", previousId: "d2", title: "Hydrogen steel" }],
      rankings: [["k-d", "k-a"], ["k-d", "k-a"], ["k-a", "k-d"], ["k-d"]],
    });
    const report = buildStudyReport({ ...input, rounds: [...input.rounds, ranking.round], statistics: [...input.statistics, ...ranking.statistics] });
    expect(report.keyTechnologies.basis).toBe("ranking");
    if (report.keyTechnologies.basis !== "ranking") return;
    const w = ranking.summary.kendallW!;
    expect(report.keyTechnologies.kendallW).toEqual({ w: w.w, chiSquare: w.chiSquare, df: w.df, p: w.p });
    expect(report.keyTechnologies.items.map((k) => [k.place, k.key, k.selected, k.meanRank])).toEqual([
      [1, "d1", 4, ranking.summary.items.find((i) => i.itemId === "k-d")!.meanRank],
      [2, "a1", 3, ranking.summary.items.find((i) => i.itemId === "k-a")!.meanRank],
    ]);
    // The key technology carries its last rating figures and evidence.
    expect(report.keyTechnologies.items[1]).toMatchObject({ importanceIndex: 100, outcome: "ACCEPTED", evidence: { documentCount: 12, growth: 0.3 } });
    expect(report.summary.kendallW).toBe(w.w);

    const few = rankingRound({ id: "r3", number: 3, minN: 5, candidates: [{ id: "k-a", previousId: "a1", title: "A" }, { id: "k-d", previousId: "d2", title: "D" }], rankings: [["k-a"], ["k-d"]] });
    const withheld = buildStudyReport({ ...input, rounds: [...input.rounds, few.round], statistics: [...input.statistics, ...few.statistics] });
    expect(withheld.keyTechnologies).toEqual({ basis: "ranking_withheld", roundNumber: 3, rankings: 2, minN: 5 });
  });

  it("counts the panel once per expert, by sector, with each round's response rate", () => {
    const { input } = twoRoundStudy();
    const report = buildStudyReport(input);
    expect(report.method.panel).toEqual({
      invited: 6,
      responded: 5,
      bySector: [
        { sector: "ACADEMIA", invited: 2, responded: 2 },
        { sector: "INDUSTRY", invited: 2, responded: 2 },
        { sector: "GOVERNMENT", invited: 1, responded: 1 },
        { sector: "OTHER", invited: 1, responded: 0 },
      ],
    });
    expect(report.method.rounds.map((r) => [r.number, r.invited, r.responded, r.responseRate])).toEqual([[1, 5, 5, 1], [2, 6, 5, 5 / 6]]);
    const importance = { label: "Importance for the country's science, technology and society", labelZh: "对国家科技与社会发展的重要程度" };
    expect(report.method.rules).toEqual([
      { kind: "IQR", questionKey: "importance", question: importance, values: { max: "1" } },
      { kind: "COMET_70_15", questionKey: "importance", question: importance, values: {} },
    ]);
    expect(panelOf([])).toEqual({ invited: 0, responded: 0, bySector: ["ACADEMIA", "INDUSTRY", "GOVERNMENT", "OTHER"].map((sector) => ({ sector, invited: 0, responded: 0 })) });
  });

  it("limits a round's report to that round's items and the rounds before it", () => {
    const { input } = twoRoundStudy({ roundId: "r1" });
    const report = buildStudyReport(input);
    expect(report.round).toEqual({ id: "r1", number: 1, title: "Round 1", kind: "RATING" });
    expect(report.areas.flatMap((a) => a.technologies.map((t) => [t.key, t.itemId, t.outcome]))).toEqual([
      ["a1", "a1", "ACCEPTED"], ["b1", "b1", "CARRIED_OVER"], ["c1", "c1", "REJECTED"], ["d1", "d1", "CARRIED_OVER"],
    ]);
    expect(report.method.rounds.map((r) => r.number)).toEqual([1]);
    expect(report.charts.stability).toEqual([]);
  });

  it("is deterministic and leaves its input untouched", () => {
    const { input } = twoRoundStudy();
    const before = JSON.stringify({ ...input, themeAreas: [...input.themeAreas] });
    expect(buildStudyReport(input)).toEqual(buildStudyReport(input));
    expect(JSON.stringify({ ...input, themeAreas: [...input.themeAreas] })).toBe(before);
  });

  it("reads an item's evidence snapshot, and nothing from an empty one", () => {
    expect(evidenceOf({ topTerms: [{ term: "fuel_cell", weight: 0.1 }], documentCount: 3, growth: null, documents: [{ title: "T", year: 2020, kind: "PATENT" }] })).toEqual({
      topTerms: ["fuel cell"], documentCount: 3, growth: null, documents: [{ title: "T", year: 2020, kind: "PATENT" }],
    });
    expect(evidenceOf({})).toBeNull();
    expect(evidenceOf(null)).toBeNull();
  });
});
