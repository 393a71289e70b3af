// The report renderer and the chart options: the file shows the stored figures (data-value), escapes
// whatever experts wrote, speaks the reader's language, and each chart holds exactly the report's data.
import { describe, expect, it } from "vitest";
import { buildStudyReport } from "@/lib/reports/build-study-report";
import { renderReportHtml } from "@/lib/reports/render-report";
import { reportTranslator } from "@/lib/reports/report-translator";
import { chartSource, reportChartLabels, reportChartOption } from "@/lib/reports/chart-labels";
import { radarSize, yearBounds } from "@/lib/reports/chart-options";
import { esc, h } from "@/lib/reports/html";
import { pseudonym, roundTitle } from "@/lib/reports/report-format";
import { slug, reportFileName } from "@/lib/reports/file-name";
import { twoRoundStudy } from "./factories";

type Series = { type: string; name: string; data: unknown[]; markLine?: { data: { xAxis: number }[] } };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

const cellValues = (html: string, testid: string) => [...html.matchAll(new RegExp(`data-testid="${testid}" data-value="([^"]*)"`, "g"))].map((m) => Number(m[1]));

describe("the report file", () => {
  const notes = [{ roundId: "r2", itemId: "b2", author: "Expert 3", body: '<script>alert("x")</script> & more', kind: "comment" as const }];

  it("carries each technology's stored figures in its cells", async () => {
    const { input } = twoRoundStudy({ notes });
    const report = buildStudyReport(input);
    const html = await renderReportHtml(report, "en");
    const technologies = report.areas.flatMap((a) => a.technologies);
    const medians = technologies.map((t) => (t.headline && !t.headline.withheld ? t.headline.median : null));
    expect(cellValues(html, "median")).toEqual(medians);
    expect(cellValues(html, "iqr")).toEqual(technologies.map((t) => (t.headline && !t.headline.withheld ? t.headline.iqr : null)));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).not.toMatch(/<script|src=|href="http/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(html.match(/<svg /g)?.length).toBe(5); // every chart, as an image
    expect(html).toContain("Consensus report: Energy futures");
  });

  it("is written in Chinese for Chinese readers, with the Chinese titles first", async () => {
    const report = buildStudyReport(twoRoundStudy().input);
    const html = await renderReportHtml(report, "zh");
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain("<h2>分领域结果</h2>");
    expect(html).toContain('固态电池 <span class="muted" lang="en">Solid-state batteries</span>');
    expect(html).toContain("2026年6月1日");
    expect(html).not.toContain("Results by area");
  });

  it("marks withheld figures as withheld and shows none of them", async () => {
    const report = buildStudyReport(twoRoundStudy({ roundId: "r1" }).input);
    const html = await renderReportHtml(report, "en");
    const row = html.slice(html.indexOf('data-key="d1"'), html.indexOf("</tr>", html.indexOf('data-key="d1"')));
    expect(row).toContain("withheld (n = 2)");
    expect(row).not.toContain('data-testid="median"');
  });
});

describe("the chart options", () => {
  it("hold each chart's data and nothing else", async () => {
    const report = buildStudyReport(twoRoundStudy().input);
    const labels = reportChartLabels(report, await reportTranslator("en"), "en");
    const source = chartSource(report);

    const [boxes] = seriesOf(reportChartOption(source, "boxes", labels));
    const drawn = report.charts.boxes.filter((b) => b.box);
    expect((boxes.data as { value: number[]; key: string }[]).map((d) => [d.key, d.value])).toEqual(drawn.map((b) => [b.key, b.box]).reverse());

    const [realisation, application] = seriesOf(reportChartOption(source, "timeline", labels));
    expect(realisation.name).toBe("Technological realisation");
    expect(realisation.data).toEqual([...report.charts.timeline].reverse().map((r) => ({ key: r.key, value: r.realisation ? [r.realisation[0], r.realisation[0], r.realisation[1], r.realisation[2], r.realisation[2]] : "-" })));
    expect(application.data.every((d) => (d as { value: unknown }).value === "-")).toBe(true); // nobody was asked about wide application
    expect(realisation.markLine?.data).toEqual([{ xAxis: 2040 }]);

    const radar = seriesOf(reportChartOption(source, "radar", labels));
    const points = radar.flatMap((s) => (s.data as [number, string, number, string, string][]).map((d) => ({ outcome: s.name, year: d[0], area: d[1], index: d[2], key: d[4] })));
    expect(points.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      report.charts.radar.map((p) => ({ outcome: labels.radar.outcomes[p.outcome], year: p.year, area: labels.radar.areaNames[p.areaId ?? ""], index: p.importanceIndex, key: p.key })).sort((a, b) => a.key.localeCompare(b.key)),
    );

    const consensus = seriesOf(reportChartOption(source, "consensus", labels));
    expect(consensus.map((s) => [s.name, s.data])).toEqual([["accepted", [1, 1]], ["rejected", [1, 0]], ["dissent", [0, 1]], ["carried over", [2, 0]]]);

    const [stability] = seriesOf(reportChartOption(source, "stability", labels));
    expect((stability.data as { value: number; key: string; round: number }[]).map((d) => [d.key, d.round, d.value])).toEqual([...report.charts.stability].reverse().map((s) => [s.key, s.roundNumber, s.percentChange]));
    expect(stability.markLine?.data).toEqual([{ xAxis: 0.15 }]);
  });

  it("size radar bubbles by importance and put year axes on five-year marks", () => {
    expect([radarSize(0), radarSize(50), radarSize(100), radarSize(140)]).toEqual([6, 21, 36, 36]);
    expect(yearBounds([2031, 2047.5])).toEqual({ min: 2030, max: 2050 });
    expect(yearBounds([])).toEqual({ min: 2025, max: 2050 });
  });
});

describe("names in the reader's language", () => {
  it("translate default round titles and pseudonyms, and keep titles an admin wrote", async () => {
    const zh = await reportTranslator("zh");
    expect(roundTitle({ number: 2, title: "Round 2", kind: "RATING" }, zh)).toBe("第 2 轮");
    expect(roundTitle({ number: 3, title: "Round 3: key technologies", kind: "RANKING" }, zh)).toBe("第 3 轮：关键技术");
    expect(roundTitle({ number: 1, title: "Pilot survey", kind: "RATING" }, zh)).toBe("Pilot survey");
    expect(pseudonym("Expert 12", zh)).toBe("专家 12");
    expect(pseudonym("Expert 12", await reportTranslator("en"))).toBe("Expert 12");
  });
});

describe("HTML helpers and file names", () => {
  it("escape text and attributes", () => {
    expect(esc('<b>"x"</b>')).toBe("&lt;b&gt;&quot;x&quot;&lt;/b&gt;");
    expect(h("td", { "data-value": '1"2', hidden: true, skip: false }, esc("a<b"))).toBe('<td data-value="1&quot;2" hidden>a&lt;b</td>');
  });

  it("name downloads in ASCII, with the scope, date and language", () => {
    expect(slug("Energy futures: 2040!")).toBe("energy-futures-2040");
    expect(slug("中国技术预见")).toBe("study");
    const report = buildStudyReport(twoRoundStudy({ roundId: "r1" }).input);
    expect(reportFileName(report, "zh")).toBe("consensus-report-energy-futures-round-1-2026-06-01-zh.html");
  });
});
