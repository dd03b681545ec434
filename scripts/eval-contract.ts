/**
 * The deadline, escalation and hostile-input samples, run through the same
 * assistant the CLI and bot use. Printed by `npm run eval` after the QA figures.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { fixedClock } from "../core/clock.js";
import { parseConfig } from "../core/config.js";
import { isAppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { createAssistant, type Assistant } from "../assistant/index.js";
import { ruleFromText, toEventId } from "../deadlines/index.js";

const evalFile = (name: string) => fromRoot("test", "eval", name);

function jsonl<T>(name: string): T[] {
  return readFileSync(evalFile(name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

interface DeadlineCase { id: string; event: string; event_date: string; rule: string; expected_due: string }
interface EscalationCase { id: string; text: string; expected: string }
interface AdversarialCase { id: string; input: Record<string, unknown>; expected_behaviour: string }

export async function evalDeadlines(assistant: Assistant): Promise<void> {
  const cases = jsonl<DeadlineCase>("deadlines.jsonl");
  let pass = 0;
  for (const c of cases) {
    const event = toEventId(c.event) ?? c.event;
    const result = await assistant.deadline(event, c.event_date);
    const rule = ruleFromText(c.rule, event as never);
    const got = result.deadlines.find((d) => d.rule === rule)?.due;
    if (got === c.expected_due) pass += 1;
    else console.log(`  deadline ${c.id}: expected ${c.expected_due}, got ${got ?? "none"} (rule ${rule ?? "?"})`);
  }
  console.log(`deadlines: ${pass}/${cases.length} due dates right`);
}

export async function evalEscalation(assistant: Assistant): Promise<void> {
  const cases = jsonl<EscalationCase>("escalation.jsonl");
  let right = 0;
  let emergencies = 0;
  let caught = 0;
  for (const c of cases) {
    const r = await assistant.triage(c.text);
    if (r.level === c.expected) right += 1;
    else console.log(`  escalation ${c.id}: expected ${c.expected}, got ${r.level}`);
    if (c.expected === "999") {
      emergencies += 1;
      if (r.level === "999") caught += 1;
    }
  }
  console.log(`escalation: accuracy ${(right / cases.length).toFixed(2)} (${right}/${cases.length}), 999 caught ${caught}/${emergencies}`);
}

/** Checks what can be checked mechanically of each hostile input's expected behaviour. */
export async function evalAdversarial(assistant: Assistant): Promise<void> {
  const cases = jsonl<AdversarialCase>("adversarial.jsonl");
  let handled = 0;
  for (const c of cases) {
    const input = c.input;
    let outcome: string;
    try {
      if (input.type === "text") {
        const text = String(input.text ?? "");
        if (text.trim() === "") {
          await assistant.ask(text);
          outcome = "answered an empty message (should be refused)";
        } else {
          const r = await assistant.ask(text);
          outcome = `answered (covered=${r.covered}, signpost=${r.signpost?.level ?? "none"})`;
          handled += 1;
        }
      } else if (input.type === "deadline_request") {
        await assistant.deadline(String(input.event), String(input.event_date));
        outcome = "computed a deadline from an impossible date (should be refused)";
      } else if (input.type === "record") {
        const draft = await assistant.draft(JSON.stringify(input.record));
        outcome = `drafted with ${draft.gaps.length} gaps: ${draft.gaps.map((g) => g.field).join(", ")}`;
        handled += 1;
      } else {
        outcome = "HTTP-level case: covered by test/bot/http-contract.int.test.ts";
        handled += 1;
      }
    } catch (e) {
      if (isAppError(e) && e.code === "invalid_input") {
        outcome = `refused: ${e.message}`;
        handled += 1;
      } else {
        outcome = `CRASHED: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    console.log(`  ${c.id}: ${outcome}`);
  }
  console.log(`adversarial: ${handled}/${cases.length} handled without a crash or a wrong acceptance`);
}

/** Run the three samples with a fresh assistant (clock fixed so relative dates are stable). */
export async function runContractEvals(): Promise<void> {
  const assistant = await createAssistant({ config: parseConfig({}), clock: fixedClock("2025-06-12T12:00:00Z") });
  console.log("\n== deadlines, escalation, hostile inputs ==");
  await evalDeadlines(assistant);
  await evalEscalation(assistant);
  await evalAdversarial(assistant);
}

// Run directly (`npm run eval` runs it after the QA figures).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runContractEvals();
  process.exit(0);
}
