import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      {
        resolve: { alias },
        // Hostile input and bombs (no database); `npm run test:trust` runs them at full size (TRUST_FULL=1).
        test: {
          name: "trust",
          include: ["tests/trust/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/trust/integration/**"],
          testTimeout: 600_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // tests/trust/integration: faults and races against the real services (see scripts/test-trust.ts).
          include: ["tests/integration/**/*.test.ts", "tests/trust/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Integration tests share one database; files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
