// The item block a new study's first round asks, and the consensus rules a new study registers. The
// block follows the Japanese NISTEP and Chinese national (CASTED / CAS) Delphi surveys
// (../shared/reference/delphi-methods.md §4): familiarity, importance, realisation years, the home
// country's R&D position and the leading countries, constraints, policy measures and a rationale.
// An admin may switch questions off and change their options per round before it opens.
import type { ConsensusRuleKind, QuestionKind } from "@/lib/generated/prisma/enums";
import type { ChoiceConfig, QuestionOption, ScaleConfig, TextConfig, YearConfig } from "@/lib/delphi/question-config";

export type { ScaleConfig } from "@/lib/delphi/question-config";

export type QuestionTemplate = {
  key: string;
  kind: QuestionKind;
  label: string;
  labelZh: string;
  required: boolean;
  config: ScaleConfig | ChoiceConfig | YearConfig | TextConfig;
};

export const FAMILIARITY_KEY = "familiarity";
export const RATIONALE_KEY = "rationale";

/** 专家熟悉程度: the level (4 … 1) is what ThemeFamiliarity and the familiarity subgroups use. */
export const FAMILIARITY_QUESTION = {
  key: FAMILIARITY_KEY,
  kind: "CHOICE",
  label: "Your familiarity with this technology",
  labelZh: "您对该技术的熟悉程度",
  required: false,
  config: {
    allowDontKnow: false,
    options: [
      { key: "very_familiar", label: "Very familiar", labelZh: "很熟悉", level: 4 },
      { key: "familiar", label: "Familiar", labelZh: "熟悉", level: 3 },
      { key: "somewhat", label: "Somewhat familiar", labelZh: "较熟悉", level: 2 },
      { key: "unfamiliar", label: "Unfamiliar", labelZh: "不熟悉", level: 1 },
    ],
  },
} satisfies QuestionTemplate;

export const IMPORTANCE_QUESTION = {
  key: "importance",
  kind: "SCALE",
  label: "Importance for the country's science, technology and society",
  labelZh: "对国家科技与社会发展的重要程度",
  required: true,
  config: {
    min: 1,
    max: 5,
    allowDontKnow: true,
    agreeBand: [4, 5],
    disagreeBand: [1, 2],
    labels: { "1": "Very low", "2": "Low", "3": "Medium", "4": "High", "5": "Very high" },
    labelsZh: { "1": "很低", "2": "低", "3": "中", "4": "高", "5": "很高" },
  },
} satisfies QuestionTemplate & { config: ScaleConfig };

const THIS_YEAR = new Date().getUTCFullYear();
const YEARS: YearConfig = { minYear: THIS_YEAR, maxYear: THIS_YEAR + 50, allowAlready: true, allowNever: true, allowDontKnow: true };

const option = (key: string, label: string, labelZh: string): QuestionOption => ({ key, label, labelZh });

export const COUNTRY_OPTIONS: QuestionOption[] = [
  option("US", "United States", "美国"),
  option("CN", "China", "中国"),
  option("EU", "European Union", "欧盟"),
  option("JP", "Japan", "日本"),
  option("KR", "South Korea", "韩国"),
  option("GB", "United Kingdom", "英国"),
  option("DE", "Germany", "德国"),
  option("FR", "France", "法国"),
  option("RU", "Russia", "俄罗斯"),
  option("IN", "India", "印度"),
  option("IL", "Israel", "以色列"),
  option("CA", "Canada", "加拿大"),
  option("other", "Other", "其他"),
];

export const DEFAULT_ITEM_BLOCK: QuestionTemplate[] = [
  FAMILIARITY_QUESTION,
  IMPORTANCE_QUESTION,
  { key: "realisation_year", kind: "YEAR", label: "Expected year of technological realisation", labelZh: "预计技术实现时间", required: false, config: YEARS },
  { key: "application_year", kind: "YEAR", label: "Expected year of wide application", labelZh: "预计广泛应用（社会实现）时间", required: false, config: YEARS },
  {
    key: "rd_position",
    kind: "CHOICE",
    label: "The home country's R&D position",
    labelZh: "我国研发水平",
    required: false,
    config: {
      allowDontKnow: true,
      options: [
        { key: "leading", label: "Leading", labelZh: "领跑", level: 3 },
        { key: "alongside", label: "Alongside the leaders", labelZh: "并跑", level: 2 },
        { key: "following", label: "Following", labelZh: "跟跑", level: 1 },
      ],
    },
  },
  { key: "leading_countries", kind: "MULTI_CHOICE", label: "Leading countries or regions", labelZh: "领先国家/地区", required: false, config: { allowDontKnow: true, maxSelect: 3, options: COUNTRY_OPTIONS } },
  {
    key: "constraints",
    kind: "MULTI_CHOICE",
    label: "Main constraints on realisation",
    labelZh: "主要制约因素",
    required: false,
    config: {
      allowDontKnow: false,
      options: [
        option("technical", "Technical feasibility", "技术可行性"),
        option("cost", "Cost and funding", "成本与研发投入"),
        option("regulation", "Laws, regulation and standards", "法律法规与标准"),
        option("talent", "Talent", "人才"),
        option("infrastructure", "Infrastructure", "基础设施"),
        option("social_acceptance", "Social acceptance", "社会接受度"),
        option("market", "Market demand", "市场需求"),
        option("ethics", "Ethical, legal and social issues", "伦理、法律与社会问题"),
      ],
    },
  },
  {
    key: "policy_measures",
    kind: "MULTI_CHOICE",
    label: "Policy measures needed",
    labelZh: "需要的政策措施",
    required: false,
    config: {
      allowDontKnow: false,
      options: [
        option("talent", "Human resources", "人才培养"),
        option("funding", "R&D funding", "研发资金"),
        option("infrastructure", "Research infrastructure", "研究基础设施"),
        option("domestic_collaboration", "Domestic collaboration", "国内合作"),
        option("international_collaboration", "International collaboration", "国际合作"),
        option("regulation", "Legal and regulatory development", "法规完善"),
        option("standards", "Standardisation", "标准化"),
        option("elsi", "Response to ethical, legal and social issues", "伦理法律社会问题应对"),
        option("business_environment", "Business environment and demonstration", "营商环境与示范应用"),
      ],
    },
  },
  {
    key: RATIONALE_KEY,
    kind: "TEXT",
    label: "Rationale for your answers",
    labelZh: "回答理由",
    required: false,
    config: { maxLength: 2000, requiredOutsideIqr: true },
  },
];

/**
 * IQR ≤ 1 (the most common threshold on 4- to 7-point scales) together with COMET 70/15, which
 * recognises consensus in either direction, so the default rules can accept an item (consensus on
 * the agree band) and reject one (consensus on the disagree band). A percentage-agreement rule on
 * the agree band alone could never let an item be rejected, since every rule must agree.
 */
export const DEFAULT_CONSENSUS_RULES: { kind: ConsensusRuleKind; questionKey: string; params: Record<string, unknown> }[] = [
  { kind: "IQR", questionKey: "importance", params: { max: 1 } },
  { kind: "COMET_70_15", questionKey: "importance", params: {} },
];
