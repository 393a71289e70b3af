// The eight demo themes and the research words they all share. Every word here was written
// for this project; no third-party text is shipped.
import { brainComputerInterfaces } from "./themes/brain-computer-interfaces";
import { cellulosicBiofuels } from "./themes/cellulosic-biofuels";
import { crisprGeneEditing } from "./themes/crispr-gene-editing";
import { hydrogenFuelCells } from "./themes/hydrogen-fuel-cells";
import { largeLanguageModels } from "./themes/large-language-models";
import { leoSatelliteInternet } from "./themes/leo-satellite-internet";
import { quantumComputing } from "./themes/quantum-computing";
import { solidStateBatteries } from "./themes/solid-state-batteries";
import type { DemoTheme } from "./types";

export type { DemoTheme } from "./types";

/**
 * One theme per trend kind at least: two emerging (LLMs, LEO internet), three growing
 * (batteries, quantum, BCI), two mature (CRISPR, fuel cells) and one declining (cellulosic
 * biofuels, whose demonstration plants closed in the late 2010s).
 */
export const THEMES: readonly DemoTheme[] = [
  solidStateBatteries,
  quantumComputing,
  crisprGeneEditing,
  largeLanguageModels,
  hydrogenFuelCells,
  cellulosicBiofuels,
  brainComputerInterfaces,
  leoSatelliteInternet,
];

/** Research nouns that every theme mixes in, so the topic model meets realistic noise. */
export const GENERIC_WORDS: readonly string[] = [
  "model", "system", "performance", "analysis", "method", "approach", "framework", "design",
  "evaluation", "efficiency", "stability", "cost", "scale", "application", "structure",
  "process", "mechanism", "strategy", "optimization", "simulation", "measurement", "experiment",
  "data", "result", "accuracy", "reliability", "robustness", "parameter", "algorithm",
  "network", "control", "architecture", "characterization", "comparison", "development",
  "implementation", "integration", "limitation", "challenge", "improvement", "feasibility",
  "validation", "quality", "capability", "property", "behavior", "factor", "condition",
  "environment", "technique", "function", "component", "platform", "prototype", "requirement",
  "uncertainty", "interaction", "dynamics", "sample", "metric", "resolution", "throughput",
  "scalability", "deployment", "assessment", "industry", "policy", "investment", "market",
];

export function getTheme(id: string): DemoTheme {
  const theme = THEMES.find((t) => t.id === id);
  if (!theme) throw new Error(`unknown demo theme: ${id}`);
  return theme;
}

/**
 * Lower-case letter runs of two or more letters: the word units the vocabularies are
 * defined in (and the unit in which a document's theme share is measured).
 * @example tokenize("Cas9-based editing, 42 %") // => ["cas", "based", "editing"]
 */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{2,}/gu) ?? []);
}

/** The words a theme owns: the tokens of its terms, minus the shared generic words. */
export function themeVocabulary(theme: DemoTheme): Set<string> {
  const generic = new Set(GENERIC_WORDS);
  return new Set(theme.terms.flatMap(tokenize).filter((word) => !generic.has(word)));
}
