import { describe, expect, it } from "vitest";
import { labelTopic, representativeDocuments } from "@/lib/topics/label";
import { trainLda, type LdaModel } from "@/lib/topics/lda";
import { PLANTED_TOPICS, matchTopics, plantedCorpus } from "./planted-corpus";

function fit(): LdaModel {
  const run = trainLda(plantedCorpus({ documents: 80 }), { k: PLANTED_TOPICS, seed: 3, iterations: 60 });
  for (let step = run.next(); ; step = run.next()) if (step.done) return step.value;
}

describe("labelTopic", () => {
  it("joins the top three terms, showing phrases with spaces", () => {
    const words = ["solid_state", "battery", "electrolyte", "anode"].map((term, i) => ({ term, weight: 1 / (i + 2) }));
    expect(labelTopic(words)).toBe("solid state · battery · electrolyte");
  });

  it("joins Chinese phrases without a space and copes with fewer than three terms", () => {
    expect(labelTopic([{ term: "能量_密度", weight: 0.2 }, { term: "电池", weight: 0.1 }])).toBe("能量密度 · 电池");
    expect(labelTopic([])).toBe("");
  });
});

describe("representativeDocuments", () => {
  const model = fit();
  const representative = representativeDocuments(model, 5);

  it("lists n documents per topic, highest theta first", () => {
    expect(representative).toHaveLength(model.k);
    representative.forEach((docs, t) => {
      expect(docs).toHaveLength(5);
      const shares = docs.map((d) => model.documentTopics(d)[t]);
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
    });
  });

  it("picks documents no other document beats on that topic", () => {
    for (const { topic } of matchTopics(model)) {
      const best = Math.max(...Array.from({ length: model.documentCount }, (_, d) => model.documentTopics(d)[topic]));
      expect(model.documentTopics(representative[topic][0])[topic]).toBe(best);
    }
  });
});
