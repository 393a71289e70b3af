// `npm run worker:health` (the compose health check): succeeds when a worker of this host is
// connected to every queue.
import { hostname } from "node:os";
import { closeQueues, QUEUES } from "@/lib/jobs/queues";
import { createQueue } from "@/lib/jobs/connection";

export const workerName = () => `foresight-${hostname()}`;

const isEntry = process.argv[1]?.endsWith("health.ts");
if (isEntry) {
  let healthy = true;
  for (const name of Object.values(QUEUES)) {
    const queue = createQueue(name);
    const workers = await queue.getWorkers().catch(() => []);
    if (!workers.some((w) => (w.rawname ?? "").endsWith(`:w:${workerName()}`))) {
      console.error(`no worker of ${workerName()} on queue ${name}`);
      healthy = false;
    }
    await queue.close();
  }
  await closeQueues();
  process.exit(healthy ? 0 : 1);
}
