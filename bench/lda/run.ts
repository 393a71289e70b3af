// `npm run bench:lda [-- --k 50 --threads 2 --iterations 100,200 --runs 2 --seed 1]`: our topic engine
// against gensim's LdaMulticore on the NeurIPS abstracts, on exactly the same tokens, evaluated by the
// same code (evaluate.ts). Each run trains both engines once; figures go to stdout and to
// docs/benchmarks.md, section "## Topic engine (bench:lda)".
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareBenchData } from "./prepare-data";
import { evaluateModel, readTokens, EVALUATION_ALPHA, type Evaluation } from "./evaluate";

const { values } = parseArgs({
  options: {
    k: { type: "string", default: "50" },
    threads: { type: "string", default: "2" },
    iterations: { type: "string", default: "100,200" },
    passes: { type: "string", default: "20" },
    runs: { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    "no-write": { type: "boolean", default: false },
  },
});
const settings = {
  k: Number(values.k),
  threads: Number(values.threads),
  iterations: values.iterations.split(",").map(Number),
  passes: Number(values.passes),
  runs: Number(values.runs),
  seed: Number(values.seed),
};

const SOURCE = path.resolve("../shared/data/neurips_2007_2019_abstracts.jsonl.gz");
const PYTHON = "/usr/bin/python3";
const WORK = path.join(os.tmpdir(), "foresight-bench-lda");
const SECTION = "## Topic engine (bench:lda)";

type EngineRun = Evaluation & Timing & { engine: string; tokensPerSecond: number; load: number };

type Timing = { wallSeconds: number; cpuSeconds: number };

/**
 * Runs a command and returns its wall time and CPU time (user + system of the process and every
 * descendant it waited for, as bash's `time` reports it): CPU seconds do not grow when other work
 * shares the machine, so they compare engines even when wall times are disturbed.
 */
function timed(command: string, args: string[]): Promise<Timing> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const script = 'TIMEFORMAT="cpu-seconds %U %S"; time "$@"';
    const child = spawn("bash", ["-c", script, "timed", command, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let tail = "";
    child.stderr.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => {
      const cpu = tail.match(/cpu-seconds ([\d.]+) ([\d.]+)\s*$/);
      if (code !== 0 || !cpu) return reject(new Error(`${command} exited with ${code}:\n${tail}`));
      resolve({ wallSeconds: (performance.now() - started) / 1000, cpuSeconds: Number(cpu[1]) + Number(cpu[2]) });
    });
  });
}

function execFileText(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("close", () => resolve(text.trim()));
    child.on("error", () => resolve("unavailable"));
  });
}

async function runOurs(train: string, out: string, iterations: number): Promise<Timing> {
  const { k, seed, threads } = settings;
  const args = ["bin/foresight.mjs", "topics", "train", "--corpus", train, "--format", "tokens", "--k", `${k}`, "--seed", `${seed}`, "--iterations", `${iterations}`, "--threads", `${threads}`, "--out", out];
  return timed(process.execPath, args);
}

async function runGensim(train: string, out: string): Promise<Timing> {
  const { k, seed, passes, threads } = settings;
  const args = ["bench/lda/gensim_lda.py", "--corpus", train, "--k", `${k}`, "--seed", `${seed}`, "--passes", `${passes}`, "--workers", `${threads}`, "--alpha", "asymmetric", "--out", out];
  return timed(PYTHON, args);
}

const fixed = (x: number, digits: number) => x.toFixed(digits);

function table(runs: EngineRun[][]): string {
  const rows = [
    "| run | engine | load at start | sweeps / passes | train s | wall s | CPU s | tokens/s | NPMI (top 10, window 10) | held-out perplexity |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  runs.forEach((pair, i) => {
    for (const r of pair) {
      const speed = Math.round(r.tokensPerSecond).toLocaleString("en");
      const times = `${fixed(r.trainSeconds, 2)} | ${fixed(r.wallSeconds, 2)} | ${fixed(r.cpuSeconds, 2)}`;
      rows.push(`| ${i + 1} | ${r.engine} | ${fixed(r.load, 1)} | ${r.sweeps} | ${times} | ${speed} | ${fixed(r.npmi, 4)} | ${fixed(r.perplexity, 1)} |`);
    }
  });
  return rows.join("\n");
}

function ratios(runs: EngineRun[][]): string {
  const rows = [
    "| run | ours | speed-up (train s) | speed-up (wall s) | CPU s gensim / ours | NPMI ours − gensim | perplexity ours / gensim |",
    "|---|---|---|---|---|---|---|",
  ];
  runs.forEach((pair, i) => {
    const gensim = pair.at(-1)!;
    for (const ours of pair.slice(0, -1)) {
      const npmi = `${ours.npmi >= gensim.npmi ? "+" : ""}${fixed(ours.npmi - gensim.npmi, 4)}`;
      const speed = [gensim.trainSeconds / ours.trainSeconds, gensim.wallSeconds / ours.wallSeconds, gensim.cpuSeconds / ours.cpuSeconds].map((x) => `${fixed(x, 1)}×`);
      rows.push(`| ${i + 1} | ${ours.engine} | ${speed.join(" | ")} | ${npmi} | ${fixed(ours.perplexity / gensim.perplexity, 3)} |`);
    }
  });
  return rows.join("\n");
}

/** What the runs show beyond the tables: reproducibility of each engine across runs. */
function notes(runs: EngineRun[][]): string {
  const lines: string[] = [];
  const byEngine = new Map<string, EngineRun[]>();
  for (const pair of runs) for (const r of pair) byEngine.set(r.engine, [...(byEngine.get(r.engine) ?? []), r]);
  if (runs.length > 1) {
    for (const [engine, results] of byEngine) {
      const same = results.every((r) => r.npmi === results[0].npmi && r.perplexity === results[0].perplexity);
      lines.push(`- ${engine}: ${same ? "identical topics and figures in every run (same seed and thread count)" : "figures differ between runs with the same seed"}.`);
    }
  }
  lines.push(
    "- Kernel choice (measured once on this corpus, K = 50, one thread, ms per sweep after 20 sweeps): the SparseLDA bucket sampler 27–29 ms; " +
      "a dense sampler over all K topics with cached (n_dt + α_t)/(n_t + Vβ) 72–87 ms. An interleaved (topic, count) word list, 16-bit topic indices " +
      "and an inlined random generator made no measurable difference and were not kept.",
  );
  return lines.join("\n");
}

function writeSection(markdown: string): void {
  const file = path.resolve("docs/benchmarks.md");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(SECTION);
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${markdown}\n`);
    return;
  }
  const next = current.indexOf("\n## ", start + SECTION.length);
  const end = next < 0 ? current.length : next + 1;
  writeFileSync(file, `${current.slice(0, start)}${markdown}\n${next < 0 ? "" : "\n"}${current.slice(end).replace(/^\n+/, "")}`);
}

async function main(): Promise<void> {
  if (!existsSync(SOURCE)) throw new Error(`${SOURCE} not found`);
  const data = await prepareBenchData({ source: SOURCE, dir: WORK });
  const train = readTokens(data.train);
  const heldOut = readTokens(data.heldOut);
  const { meta } = data;
  console.error(`corpus: ${meta.trainDocuments} training documents (${meta.trainTokens} tokens), ${meta.heldOutDocuments} held out, ${meta.vocabulary} terms`);
  const loadBefore = os.loadavg()[0];
  const runs: EngineRun[][] = [];
  for (let run = 1; run <= settings.runs; run++) {
    const pair: EngineRun[] = [];
    const engines: [string, (train: string, out: string) => Promise<Timing>][] = [
      ...settings.iterations.map((n): [string, (train: string, out: string) => Promise<Timing>] => [`foresight ${n} sweeps`, (t, o) => runOurs(t, o, n)]),
      ["gensim LdaMulticore", runGensim],
    ];
    for (const [engine, fn] of engines) {
      const out = path.join(WORK, `${engine.replaceAll(" ", "-")}-run${run}.json`);
      console.error(`run ${run}: ${engine}…`);
      const load = os.loadavg()[0];
      const timing = await fn(data.train, out);
      const evaluation = evaluateModel({ out, train, heldOut });
      pair.push({ ...evaluation, ...timing, engine, load, tokensPerSecond: (meta.trainTokens * evaluation.sweeps) / evaluation.trainSeconds });
    }
    runs.push(pair);
  }
  const gensimVersion = await execFileText(PYTHON, ["-c", "import gensim; print(gensim.__version__)"]);
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const markdown = `${SECTION}

What it measures: our LDA (lib/topics: SparseLDA sampler, AD-LDA over worker threads, asymmetric α
learned by Minka's fixed point every 10 sweeps after a burn-in of a quarter of the sweeps, β = 0.01)
against gensim's LdaMulticore (online variational Bayes) on the same tokens. The NeurIPS abstracts
(../shared/data, ${meta.documents.toLocaleString("en")} papers) go once through our text pipeline
(tokenise, phrases and vocabulary from the training documents with the scan's settings); 10 % of the
documents (seeded) are held out. Both engines read the same tokens file; both are scored by the same
TypeScript code from the φ each wrote: NPMI coherence of each topic's top 10 words with a sliding
window of 10 over the training texts (gensim's c_npmi; our implementation matches it to 1e-12 in the
unit tests), and held-out perplexity by document completion (θ folded in from the first half of each
held-out document with φ fixed and a symmetric α = ${EVALUATION_ALPHA} for both engines, 100 Gibbs
sweeps; the second half scored). Lower perplexity and higher NPMI are better. tokens/s = training
tokens × sweeps (ours) or passes (gensim) / train seconds. "train s" is the time inside training
(ours: trainLda including thread start-up; gensim: the LdaMulticore constructor); "wall s" is the
whole process including reading the corpus and writing φ; "CPU s" is the user + system time of the
whole process and its children (gensim's worker processes included).

    npm run bench:lda -- --k ${settings.k} --threads ${settings.threads} --iterations ${settings.iterations.join(",")} --runs ${settings.runs} --seed ${settings.seed}

- Date: ${new Date().toISOString().slice(0, 10)}; machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; gensim ${gensimVersion} (Debian python3-gensim, /usr/bin/python3).
- Load average when the benchmark started: ${fixed(loadBefore, 1)} on ${os.cpus().length} cores; other work shared the machine, so each row gives the 1-minute load average when that training started. The engines ran one after another; times move with the load, the quality figures do not.
- Corpus: ${meta.trainDocuments.toLocaleString("en")} training documents, ${meta.trainTokens.toLocaleString("en")} tokens, ${meta.vocabulary.toLocaleString("en")} terms; ${meta.heldOutDocuments} held-out documents, ${meta.heldOutTokens.toLocaleString("en")} tokens.
- Ours: K = ${settings.k}, ${settings.iterations.join(" and ")} sweeps (separate trainings), ${settings.threads} threads, seed ${settings.seed}, α starting at 0.1 per topic and learned, β = 0.01.
- gensim: LdaMulticore(num_topics=${settings.k}, workers=${settings.threads}, passes=${settings.passes}, alpha="asymmetric", random_state=${settings.seed}, eval_every=None), other settings default (chunksize 2000, iterations 50, eta 1/K). alpha="auto" is not available in LdaMulticore; "asymmetric" is its fixed prior α_i ∝ 1/(i + √K).

${table(runs)}

${ratios(runs)}

${notes(runs)}
`;
  console.log(`\n${table(runs)}\n\n${ratios(runs)}\n`);
  if (!values["no-write"]) writeSection(markdown.trimEnd());
}

await main();
