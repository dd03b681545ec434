import { defineConfig } from "vitest/config";

// Two tiers (STYLE.md §9): `unit` is offline and fast; `int` starts real servers,
// browsers or programs. `npm test` runs unit only; CI runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.int.test.ts", "test/**/*.e2e.test.ts", "node_modules/**"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "int",
          include: ["test/**/*.int.test.ts", "test/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll waits 1 s by default. A browser round trip on a loaded CI machine
          // can take longer than that without anything being wrong, so the browser tests
          // wait up to 20 s; a real break still fails, just later.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
