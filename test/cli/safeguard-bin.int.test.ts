import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { ADV024_RECORD } from "../records/fixtures.js";

// The public contract of the `safeguard` binary, run as a user would (compiled, real index).

function safeguard(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [fromRoot("bin/safeguard.js"), ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CITATION_KEYS = ["file", "paragraph", "quote", "section", "title"];

describe("safeguard binary", () => {
  it("index into an empty folder, with every national text already shipped as a vector, builds and exits 0", async () => {
    // Nothing is embedded, so the model's threads are closed while still starting: that once left
    // the process with nothing to wait on and exit code 13, and `npm install` (prepare) failed.
    const dir = await mkdtemp(join(tmpdir(), "sg-index-"));
    const r = spawnSync(process.execPath, [fromRoot("bin/safeguard.js"), "index", "--json"], {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent", INDEX_DIR: dir },
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { chunks: number; embedded?: number };
    expect(out.chunks).toBeGreaterThan(500);
  });

  it("ask --json prints the contract's shape with real citations", () => {
    const r = safeguard(["ask", "who has to be at a strategy discussion?", "--json"]);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout);
    expect(Object.keys(obj).sort()).toEqual(["answer", "citations", "covered", "jurisdiction", "signpost"]);
    expect(obj.covered).toBe(true);
    expect(obj.jurisdiction).toBe("england");
    expect(obj.signpost).toBeNull();
    expect(obj.citations.length).toBeGreaterThan(0);
    for (const c of obj.citations) expect(Object.keys(c).sort()).toEqual(CITATION_KEYS);
    expect(`${obj.answer} ${obj.citations.map((c: { quote: string }) => c.quote).join(" ")}`).toMatch(/police/i);
  });

  it("a worrying situation the guidance does not name gets the 101 signpost first and the general referral guidance, cited", () => {
    const r = safeguard(["ask", "a Year 9 boy is carrying cash and has a new phone: what do I do and who do I call?", "--json"]);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout);
    expect(obj.signpost.level).toBe("101_or_childrens_services");
    expect(obj.answer).toMatch(/does not describe your exact situation/);
    expect(obj.covered).toBe(true);
    expect(obj.citations.some((c: { quote: string }) => /referral/i.test(c.quote))).toBe(true);
  });

  it("triage --json prints the level and signpost text", () => {
    const r = safeguard(["triage", "my dad has a knife and is threatening my mum right now", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ level: "999" });
  });

  it("deadline --json returns the ICPC date with the holidays it skipped", () => {
    const r = safeguard(["deadline", "strategy_discussion", "2025-04-10", "--json"]);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout);
    expect(obj.event).toBe("strategy_discussion");
    expect(obj.event_date).toBe("2025-04-10");
    const icpc = obj.deadlines.find((d: { rule: string }) => d.rule === "icpc");
    expect(icpc.due).toBe("2025-05-06");
    expect(icpc.skipped).toEqual(expect.arrayContaining(["2025-04-18", "2025-04-21", "2025-05-05"]));
    expect(icpc.citations.length).toBeGreaterThan(0);
  });

  it("an impossible date exits 2 with one line on stderr", () => {
    const r = safeguard(["deadline", "referral_received", "2024-02-30", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/29 days/);
  });

  it("next --json returns cited steps", () => {
    const r = safeguard(["next", "strat done, s47 agreed", "--json"]);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout);
    expect(obj.steps.length).toBeGreaterThan(0);
    for (const s of obj.steps) expect(s.citations.length).toBeGreaterThan(0);
  });

  it("draft --json flags a police invitee who did not attend", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sg-draft-"));
    const notes = join(dir, "notes.json");
    await writeFile(
      notes,
      JSON.stringify(ADV024_RECORD),
    );
    const r = safeguard(["draft", "--notes", notes, "--json"]);
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.stdout);
    expect(obj.gaps.some((g: { message: string }) => /police/i.test(g.message))).toBe(true);
    const out = join(dir, "record.docx");
    const w = safeguard(["draft", "--notes", notes, "--format", "docx", "--out", out]);
    expect(w.code).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe("PK");
  });

  it("batch mode over standard input keeps ids and reports bad lines", () => {
    const input = [JSON.stringify({ id: "q1", question: "when must the ICPC be held?" }), "{oops", JSON.stringify({ id: "q3", question: "" })].join("\n");
    const r = safeguard(["ask", "--batch", "-"], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].id).toBe("q1");
    expect(lines[0].answer).toMatch(/15 working days/);
    expect(lines[1].error).toBeDefined();
    expect(lines[2]).toMatchObject({ id: "q3" });
    expect(lines[2].error).toBeDefined();
  });
});
