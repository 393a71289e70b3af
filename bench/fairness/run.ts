// `npm run bench:fairness [-- --records N] [-- --runs R]`: how much a topic training slows an import
// running in the same worker process. The same generated RIS file is imported alone, then beside a
// training that never stops — once trained the way scans train (lib/scans/train-model.ts: on a thread
// of its own) and once the way they used to (on the job's own thread, yielding every 500 ms), the peer.
// Prints seconds per import and the ratio to the import alone.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { parseArgs } from "node:util";
import { db, disconnectDb } from "@/lib/db";
import { resolveDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";
import { runImport } from "@/lib/ingest/run-import";
import { trainModel } from "@/lib/scans/train-model";
import { trainLda, type LdaOptions } from "@/lib/topics/lda";
import type { Corpus } from "@/lib/text/vocabulary";
import { largeRis } from "../../tests/trust/integration/large-import";
import { plantedCorpus } from "../../tests/unit/topics/planted-corpus";

const { values } = parseArgs({ options: { records: { type: "string", default: "6000" }, runs: { type: "string", default: "3" } } });
const RECORDS = Number(values.records);
const RUNS = Number(values.runs);
const TRAINING: LdaOptions = { k: 20, seed: 1, iterations: 20 };

/** The peer: training on the calling thread, yielding to the event loop every 500 ms (the former trainModel). */
async function trainOnCallingThread(corpus: Corpus, options: LdaOptions): Promise<void> {
  const run = trainLda(corpus, options);
  let last = 0;
  while (!run.next().done) {
    if (performance.now() - last > 500) {
      last = performance.now();
      await yieldToEventLoop();
    }
  }
}

async function importSeconds(): Promise<number> {
  const study = await db().study.create({ data: { name: `bench fairness ${Date.now()} ${Math.random()}` } });
  const row = await db().import.create({ data: { studyId: study.id, fileName: "bench.ris", status: "RUNNING" } });
  const started = performance.now();
  const summary = await runImport({ importId: row.id, bytes: largeRis(RECORDS) });
  const seconds = (performance.now() - started) / 1000;
  if (summary.imported !== RECORDS) throw new Error(`imported ${summary.imported} of ${RECORDS}`);
  await db().study.delete({ where: { id: study.id } });
  return seconds;
}

async function beside(train: (corpus: Corpus) => Promise<unknown>): Promise<{ seconds: number; sweeps: number }> {
  const corpus = plantedCorpus({ documents: 20_000, length: 80, seed: 1 });
  let stop = false;
  let sweeps = 0;
  const training = (async () => {
    while (!stop) {
      await train(corpus);
      sweeps += TRAINING.iterations!;
    }
  })();
  await new Promise((r) => setTimeout(r, 200)); // the training is under way
  const seconds = await importSeconds();
  stop = true;
  await training;
  return { seconds, sweeps };
}

const database = await resolveDatabase((line) => console.error(line));
try {
  await migrate(database.url);
  await importSeconds(); // warm-up: connections, JIT
  const rows: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const alone = await importSeconds();
    const thread = await beside((corpus) => trainModel(corpus, TRAINING, async () => {}));
    const calling = await beside((corpus) => trainOnCallingThread(corpus, TRAINING));
    rows.push(
      `| ${run} | ${alone.toFixed(2)} | ${thread.seconds.toFixed(2)} (${(thread.seconds / alone).toFixed(2)}×) | ${calling.seconds.toFixed(2)} (${(calling.seconds / alone).toFixed(2)}×) | ${(calling.seconds / thread.seconds).toFixed(1)}× |`,
    );
    process.stderr.write(`run ${run}: alone ${alone.toFixed(2)} s, beside a training on its own thread ${thread.seconds.toFixed(2)} s, beside a training on the calling thread ${calling.seconds.toFixed(2)} s\n`);
  }
  console.log(`Import of ${RECORDS} RIS records in one process beside a continuous training (K = ${TRAINING.k}, 20,000 documents × 80 tokens)\n`);
  console.log("| run | alone s | beside training on its own thread s (× alone) | beside training on the calling thread s (× alone) | own thread vs calling thread |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  await disconnectDb();
  await database.stop();
}
