// npm run db:seed — the demo accounts and study, when the database has no users yet.
import { resolveDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { printAccounts } from "@/scripts/print-accounts";

const database = await resolveDatabase(console.log);
try {
  await migrate(database.url, { log: console.log });
  const accounts = await seedDemo(console.log);
  if (accounts) printAccounts(accounts);
  else console.log("The database already has users; nothing seeded.");
} finally {
  await disconnectDb();
  await database.stop();
}
