import type { DemoAccount } from "@/lib/demo/seed-demo";

export function printAccounts(accounts: DemoAccount[]): void {
  console.log("\n  Demo accounts (the passwords are shown this once; keep them):");
  for (const a of accounts) console.log(`    ${a.role.padEnd(8)} ${a.email.padEnd(32)} ${a.password}`);
  console.log("");
}
