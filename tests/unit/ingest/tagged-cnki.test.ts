// CNKI and Wanfang exports (E-Study, EndNote/Refer, NoteExpress, WoS-tagged): fields checked against the
// files, Chinese text intact, and malformed records reported without stopping the file.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { splitKeywords, splitNames } from "@/lib/ingest/cnki-lists";
import { okRecords, readAll } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));
// Skipped without the fixtures, except in CI, where they must be present (the tests then fail).
const skipFixtures = !present && process.env.CI !== "true";

if (skipFixtures) console.info(`CNKI and Wanfang fixture tests skipped: ${FIXTURES} not found`);

async function fixtureRecords(file: string) {
  return okRecords((await readAll(createReadStream(path.join(FIXTURES, file)))).results);
}

describe("Chinese list conventions", () => {
  it("splits names at semicolons, and at commas only between Chinese names", () => {
    expect(splitNames("柯洪琴;陈璿英;王启斌;")).toEqual(["柯洪琴", "陈璿英", "王启斌"]);
    expect(splitNames("谢昕,王小增")).toEqual(["谢昕", "王小增"]);
    expect(splitNames("Alaa Alhaj-Ismail;;Sami Adwan")).toEqual(["Alaa Alhaj-Ismail", "Sami Adwan"]);
    expect(splitNames("Smith, John")).toEqual(["Smith, John"]);
  });

  it("splits keywords at ;, ;; and the full-width ；, and at commas only without any semicolon", () => {
    expect(splitKeywords("肉瘤；软组织肿瘤；诊断")).toEqual(["肉瘤", "软组织肿瘤", "诊断"]);
    expect(splitKeywords("偏振态;;空间光调制器;;矢量光场")).toEqual(["偏振态", "空间光调制器", "矢量光场"]);
    expect(splitKeywords("万人,capita,Number,")).toEqual(["万人", "capita", "Number"]);
  });
});

describe("CNKI E-Study", () => {
  const record = (title: string | null) =>
    ["DataType: 1", ...(title ? [`Title-题名: ${title}`] : []), "Author-作者: 张三;李四;", "Summary-摘要: <正>摘要正文", "Background: 续行", "Year-年: 2021"].join("\n");

  it("reads bilingual field names, continues a field on untagged lines and drops CNKI's <正> marker", async () => {
    const { format, results } = await readAll(`${record("乳腺癌筛查")}\n`);
    const [first] = okRecords(results);
    expect(format).toBe("cnki-estudy");
    expect(first).toMatchObject({ title: "乳腺癌筛查", abstract: "摘要正文 Background: 续行", year: 2021 });
    expect(first.authors).toEqual([{ full: "张三" }, { full: "李四" }]);
  });

  it("reports a record without a title with its position and line, and imports the others", async () => {
    const { results } = await readAll([record("甲"), record(null), record("丙")].join("\n"));
    expect(results[1]).toEqual({ ok: false, position: 2, line: 7, message: "Record 2 (line 7) has no title" });
    expect(okRecords([results[0], results[2]]).map((r) => r.title)).toEqual(["甲", "丙"]);
  });
});

describe("EndNote/Refer", () => {
  it("reads %-tags, keeps every author line, and reports a record without %T", async () => {
    const text = "%0 Journal Article\n%A 吴继琴\n%T 话语分析\n%D 2019\n\n%0 Thesis\n%A 张建华\n%D 2015\n\n%0 Journal Article\n%T Third\n%A A. Author\n";
    const { format, results } = await readAll(text);
    expect(format).toBe("endnote");
    expect(results[1]).toEqual({ ok: false, position: 2, line: 6, message: "Record 2 (line 6) has no title" });
    expect(okRecords([results[0], results[2]]).map((r) => [r.title, r.authors[0].full])).toEqual([["话语分析", "吴继琴"], ["Third", "A. Author"]]);
  });
});

describe("NoteExpress", () => {
  it("accepts full-width colons, odd field names and an address broken over blank lines; reports a record without a title", async () => {
    const text = [
      "{Reference Type}: Journal Article",
      "{Title}: 政府公共关系",
      "{Author}: 谢昕,王小增",
      "{Author Address}: 中国地质大学政法学院 湖北武汉430074\r\r\r",
      ",湖北武汉430074",
      "{Abstract}：在公共行政的历史长河中",
      "",
      "{Reference Type}: Journal Article",
      "{Author}: 无题",
      "",
      "{Reference Type}: Conference Proceedings",
      "{Title}: 共享与品质",
      "{Subsidiary Author,}: 中国城市规划学会",
      "",
    ].join("\r\n");
    const { format, results } = await readAll(text);
    expect(format).toBe("noteexpress");
    const [first, third] = okRecords([results[0], results[2]]);
    expect(first).toMatchObject({ title: "政府公共关系", abstract: "在公共行政的历史长河中" });
    expect(first.affiliations[0].raw).toBe("中国地质大学政法学院 湖北武汉430074,湖北武汉430074");
    expect(results[1]).toEqual({ ok: false, position: 2, line: 11, message: "Record 2 (line 11) has no title" });
    expect(third).toMatchObject({ kind: "CONFERENCE_PAPER", raw: { "Subsidiary Author": ["中国城市规划学会"] } });
  });
});

describe.skipIf(skipFixtures)("CNKI and Wanfang fixtures, checked against the files", () => {
  it("reads the E-Study export", async () => {
    const [first] = await fixtureRecords("cnki/mrhelper_demo_cnki_202101_estudy.txt");
    expect(first).toMatchObject({
      kind: "PAPER",
      title: "1例卡培他滨与苯妥英钠相互作用致乳腺癌合并癫痫患者小脑功能障碍的病例分析",
      venue: "中南药学",
      publishedOn: "2021-01-18",
      year: 2021,
      externalId: "ZNYX202101034",
      keywords: ["苯妥英钠", "卡培他滨", "相互作用", "小脑功能障碍", "不良反应"],
    });
    expect(first.authors).toEqual([{ full: "柯洪琴" }, { full: "陈璿英" }, { full: "王启斌" }]);
    expect(first.abstract).toMatch(/^苯妥英钠作为一种传统抗癫痫药物\(AEDs\)/);
    expect(first.affiliations.map((a) => a.raw)).toEqual(["十堰市太和医院药学部(湖北医药学院附属医院)", "南昌大学第一附属医院药剂科"]);
  });

  it("reads the EndNote export: Chinese and English records, ';;' lists, multi-paragraph thesis abstracts", async () => {
    const records = await fixtureRecords("cnki/cnki-converter_demo_endnote.txt");
    expect(records[0]).toMatchObject({
      title: "Fairclough 三维分析模型下的话语分析——以江西企业“走出去”通事语言为例",
      year: 2019,
      venue: "九江职业技术学院学报",
      keywords: ["Fairclough 三维分析模型", "话语分析", "“走出去”通事语言", "描述阶段", "阐释阶段", "解释阶段"],
    });
    expect(records[0].authors).toEqual([{ full: "吴继琴" }]);
    expect(records[3]).toMatchObject({ countries: ["US"], venue: "System" });
    expect(records[3].authors[0]).toEqual({ full: "Meghan M. Parkinson" });
    expect(records[3].abstract).toMatch(/^This article uses the Model of Domain Learning/);
    expect(records[20]).toMatchObject({ kind: "OTHER", title: "基于深度学习的语音识别应用研究", venue: "北京邮电大学", year: 2015 });
    expect(records[20].abstract).toContain("1、基于深度神经网络的声学特征提取研究 深度神经网络是一种有监督训练的多层网络");
  });

  it("reads NoteExpress exports from CNKI: English records, a patent, a full-width colon", async () => {
    const [english] = await fixtureRecords("cnki/vopaaz_noteexpress_Classic5Test.net");
    expect(english).toMatchObject({ title: "Share-option based compensation expense, shareholder returns and financial crisis", year: 2019, countries: ["GB"] });
    expect(english.authors.map((a) => a.full)).toEqual(["Alaa Alhaj-Ismail", "Sami Adwan", "John Stittle"]);
    expect(english.abstract).toMatch(/^This paper contributes/);

    const patent = (await fixtureRecords("cnki/vopaaz_noteexpress_CoverAllTest15Entries.net")).find((r) => r.kind === "PATENT");
    expect(patent).toMatchObject({ title: "一种铁路故障检测器清洗装置", patentNumber: "CN108722921A", assignees: ["芜湖华佳新能源技术有限公司"], publishedOn: "2018-11-02" });

    const [colon] = await fixtureRecords("cnki/vopaaz_noteexpress_ChineseColon.net");
    expect(colon).toMatchObject({ title: "软组织肉瘤诊治中国专家共识(2015年版)", language: "zh", keywords: ["肉瘤", "软组织肿瘤", "诊断", "治疗", "规范"] });
    expect(colon.abstract).toMatch(/^软组织肉瘤是一类间叶来源的恶性肿瘤/);
    expect(colon.affiliations[0].raw).toBe("复旦大学附属肿瘤医院");
  });

  it("reads the Wanfang export: repeated author and keyword lines, a DOI with full-width punctuation", async () => {
    const records = await fixtureRecords("wanfang/mrhelper_demo_wanfang_202101.net");
    expect(records[0]).toMatchObject({ title: "超声引导下前锯肌平面阻滞对乳腺癌改良根治术术后肿瘤转移、复发的影响", year: 2020, venue: "临床检验杂志（电子版）" });
    expect(records[0].authors.map((a) => a.full)).toEqual(["江文杰", "韩超", "顾达民"]);
    expect(records[0].keywords).toEqual(["前锯肌平面阻滞", "乳腺癌改良根治术", "基质金属蛋白酶"]);
    expect(records[11].doi).toBe("10.3969/j.issn.1672-187x.2020.01.017");
  });

  it("reads CNKI records converted to WoS tags", async () => {
    const [first] = await fixtureRecords("cnki/cnki2citespace_download_1-307_wos-tagged.txt");
    expect(first).toMatchObject({ title: "艺术学理论的专业性研究规格及其方法论", venue: "民族艺术研究", publishedOn: "2021-06-15", externalId: null });
    expect(first.authors).toEqual([{ full: "梁玖" }]);
    expect(first.affiliations.map((a) => a.raw)).toEqual(["北京师范大学艺术与传媒学院"]);
  });
});
