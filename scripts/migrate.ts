// npm run db:migrate — apply pending migrations to DATABASE_URL (or the embedded database).
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase } from "@/lib/db/resolve";

const database = await resolveDatabase((line) => console.log(line));
try {
  const result = await migrate(database.url, { log: (line) => console.log(line) });
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already in place`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
