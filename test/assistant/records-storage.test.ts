import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Assistant } from "../../assistant/index.js";
import { fixedClock } from "../../core/clock.js";
import { parseConfig } from "../../core/config.js";

const NOTES = "Strat 14/5/25. Present: Jo Smith SW (CSC), DC Patel (police), HV Ann Lee. Agreed: s47. Actions: SW to visit today.";
const clock = fixedClock("2025-05-20T09:00:00Z");

describe("keeping drafted records", () => {
  it("when RECORDS_DIR is not set, a draft is returned and nothing is written", async () => {
    const assistant = new Assistant({ config: parseConfig({}), clock });
    const draft = await assistant.draft(NOTES);
    expect(draft.record.date).toBe("2025-05-14");
    expect(await assistant.keep(draft)).toBeNull();
  });

  it("when RECORDS_DIR is set, the draft is kept there, readable by its owner only, with no name in the file name", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "sg-records-")), "records");
    const assistant = new Assistant({ config: parseConfig({ RECORDS_DIR: dir }), clock });
    await assistant.draft(NOTES);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^strategy-record-2025-05-14-[0-9a-f-]+\.json$/);
    expect((await stat(join(dir, files[0]!))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, files[0]!), "utf8")).record.date).toBe("2025-05-14");
  });
});
