import type { DemoTheme } from "../types";

export const largeLanguageModels: DemoTheme = {
  id: "large-language-models",
  label: "Large language models",
  labelZh: "大语言模型",
  trend: { kind: "emerging", start: 2019, initial: 3, growth: 0.45 },
  countries: { US: 0.45, CN: 0.27, GB: 0.06, CA: 0.05, FR: 0.04, DE: 0.04, SG: 0.03, KR: 0.03, JP: 0.03 },
  related: ["quantum-computing", "brain-computer-interfaces"],
  terms: [
    "large language model", "transformer", "attention head", "self-attention", "pretraining",
    "fine-tuning", "instruction tuning", "RLHF", "preference optimization", "prompt",
    "stepwise reasoning", "context window", "tokenizer", "token prediction", "embedding",
    "hallucination", "retrieval-augmented generation", "scaling law", "model compression",
    "quantization", "inference", "GPU cluster", "chatbot", "conversational agent",
    "multilingual corpus", "red teaming", "jailbreak", "autoregressive transformer",
    "foundation model", "natural language processing", "text generation", "question answering",
    "summarization", "tool calling", "agentic workflow", "vision-language model", "model weights",
    "emergent abilities", "perplexity", "coding assistant", "LoRA adapter", "alignment", "benchmark",
  ],
  templates: [
    "We introduce a {t} trained on a {t} of {n} billion tokens and evaluate it on {t}.",
    "{t} and {t} substantially reduce {t} on open-domain {t}.",
    "Our {g} shows that {t} improves predictably with compute, consistent with a {t}.",
    "Combining {t} with {t} allows a {t} to answer questions about long documents.",
    "Despite strong results on the {t}, the {t} still exhibits {t} when facts fall outside its {t}.",
    "We propose an efficient {g} for {t} that cuts GPU memory by {p}% through {t}.",
    "Evaluation with {n} annotators indicates that {t} improves helpfulness without increasing {t}.",
    "Through {t} and {t}, the {t} learns to call external tools and verify intermediate steps.",
    "We release a {t} together with a {t} covering {n} languages.",
    "Systematic {t} reveals that the {t} remains vulnerable to {t} and prompt injection.",
  ],
};
