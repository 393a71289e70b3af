// The item block a new round asks, and the consensus rules a new study registers. Later rounds and
// studies may configure their own; these follow the importance question of the NISTEP surveys.
import type { ConsensusRuleKind, QuestionKind } from "@/lib/generated/prisma/enums";

export type ScaleConfig = {
  min: number;
  max: number;
  allowDontKnow: boolean;
  agreeBand: [number, number];
  disagreeBand: [number, number];
  labels: Record<string, string>;
  labelsZh: Record<string, string>;
};

export type QuestionTemplate = {
  key: string;
  kind: QuestionKind;
  label: string;
  labelZh: string;
  required: boolean;
  config: ScaleConfig;
};

export const IMPORTANCE_QUESTION: QuestionTemplate = {
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
};

export const DEFAULT_ITEM_BLOCK: QuestionTemplate[] = [IMPORTANCE_QUESTION];

export const DEFAULT_CONSENSUS_RULES: { kind: ConsensusRuleKind; questionKey: string; params: Record<string, unknown> }[] = [
  { kind: "IQR", questionKey: "importance", params: { max: 1 } },
  { kind: "AGREEMENT", questionKey: "importance", params: { band: [4, 5], min: 0.7 } },
];
