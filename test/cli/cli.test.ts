import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, EXIT, type CliIO } from "../../cli/main.js";
import { parseConfig } from "../../core/config.js";
import { invalidInput } from "../../core/errors.js";
import type { Assistant } from "../../assistant/index.js";

// Argument parsing, exit codes and batch mode, with a small fake assistant so these
// run fast. The real end-to-end shapes are checked in safeguard-bin.int.test.ts.

function io(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = {
    stdout: (s) => void out.push(typeof s === "string" ? s : Buffer.from(s).toString("utf8")),
    stderr: (s) => void err.push(s),
    readStdin: async () => stdin,
  };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}

const fake = {
  ask: async (q: string, o: { jurisdiction?: string }) => {
    if (q.trim() === "") throw invalidInput("Please type your question.");
    return { answer: `answer to ${q}`, jurisdiction: o.jurisdiction ?? "england", covered: true, citations: [], signpost: null };
  },
  triage: async (t: string) => ({ level: t.includes("knife") ? "999" : "none", text: "x" }),
  next: async () => ({ stage: "icpc", jurisdiction: "england", steps: [] }),
  deadline: async (event: string, date: string) => {
    if (date === "2024-02-30") throw invalidInput("That date does not exist: 2024 has 29 days in February.");
    return { event, event_date: date, deadlines: [], warnings: [], event_date_interpretation: date };
  },
  draft: async () => ({ record: {}, gaps: [], deadlines: [] }),
} as unknown as Assistant;

const deps = { config: parseConfig({}), assistant: fake };

describe("safeguard command line", () => {
  it("with no command, prints usage and exits 0", async () => {
    const t = io();
    expect(await runCli([], t.io, deps)).toBe(EXIT.ok);
    expect(t.out()).toContain("Usage: safeguard");
  });

  it("an unknown command exits 2 with one line on stderr", async () => {
    const t = io();
    expect(await runCli(["frobnicate"], t.io, deps)).toBe(EXIT.invalid);
    expect(t.err().trim().split("\n")).toHaveLength(1);
    expect(t.err()).toContain("Unknown command");
  });

  it("an unknown option exits 2", async () => {
    const t = io();
    expect(await runCli(["ask", "x", "--colour"], t.io, deps)).toBe(EXIT.invalid);
  });

  it("--jurisdiction either leaves the choice to the question", async () => {
    const t = io();
    expect(await runCli(["ask", "x", "--jurisdiction", "Either", "--json"], t.io, deps)).toBe(EXIT.ok);
    expect(JSON.parse(t.out()).jurisdiction).toBe("england");
  });

  it("a jurisdiction other than england or wales exits 2 naming the option", async () => {
    const t = io();
    expect(await runCli(["ask", "x", "--jurisdiction", "scotland"], t.io, deps)).toBe(EXIT.invalid);
    expect(t.err()).toContain("--jurisdiction");
  });

  it("ask with no question exits 2", async () => {
    const t = io();
    expect(await runCli(["ask", "--json"], t.io, deps)).toBe(EXIT.invalid);
  });

  it("ask --json prints one JSON object", async () => {
    const t = io();
    expect(await runCli(["ask", "who", "attends?", "--json", "--jurisdiction", "wales"], t.io, deps)).toBe(EXIT.ok);
    const obj = JSON.parse(t.out());
    expect(obj).toMatchObject({ answer: "answer to who attends?", jurisdiction: "wales", covered: true, signpost: null });
  });

  it("an impossible deadline date exits 2 with the reason", async () => {
    const t = io();
    expect(await runCli(["deadline", "referral_received", "2024-02-30", "--json"], t.io, deps)).toBe(EXIT.invalid);
    expect(t.err()).toContain("29 days in February");
  });

  it("deadline without a date exits 2", async () => {
    const t = io();
    expect(await runCli(["deadline", "icpc"], t.io, deps)).toBe(EXIT.invalid);
  });

  it("--today must be an ISO date", async () => {
    const t = io();
    expect(await runCli(["next", "icpc", "--today", "yesterday"], t.io, deps)).toBe(EXIT.invalid);
  });

  it("batch mode answers every line with its id and reports bad lines without stopping", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sg-cli-"));
    const file = join(dir, "b.jsonl");
    await writeFile(
      file,
      [
        JSON.stringify({ id: "a", question: "first?" }),
        "not json",
        JSON.stringify({ id: "c" }),
        JSON.stringify({ id: "d", question: "  " }),
        "",
        JSON.stringify({ id: 5, question: "last?", jurisdiction: "wales" }),
        JSON.stringify({ id: 6, question: "either?", jurisdiction: "either" }),
        JSON.stringify({ id: 7, question: "scotland?", jurisdiction: "scotland" }),
      ].join("\n"),
    );
    const t = io();
    expect(await runCli(["ask", "--batch", file], t.io, deps)).toBe(EXIT.ok);
    const lines = t.out().trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", null, "c", "d", 5, 6, 7]);
    expect(lines[0].answer).toBe("answer to first?");
    expect(lines[1].error).toMatch(/not valid JSON/);
    expect(lines[2].error).toMatch(/question/);
    expect(lines[3].error).toMatch(/type your question/);
    expect(lines[4].jurisdiction).toBe("wales");
    // "either" (as the evaluation files write it) means no preference, not an error.
    expect(lines[5].answer).toBe("answer to either?");
    expect(lines[5].jurisdiction).toBe("england");
    expect(lines[6].error).toMatch(/england, wales or either/);
  });

  it("batch mode reads standard input with -", async () => {
    const t = io(JSON.stringify({ id: "x", text: "he has a knife" }) + "\n");
    expect(await runCli(["triage", "--batch", "-"], t.io, deps)).toBe(EXIT.ok);
    expect(JSON.parse(t.out())).toEqual({ id: "x", level: "999", text: "x" });
  });

  it("a missing batch file exits 2", async () => {
    const t = io();
    expect(await runCli(["ask", "--batch", "/nonexistent/file.jsonl"], t.io, deps)).toBe(EXIT.invalid);
  });
});
