import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { isAppError } from "../../core/errors.js";
import { findDateInText, parseDateInput } from "../../deadlines/index.js";

interface ReadCase {
  name: string;
  now: string;
  input: string;
  date: string;
  shows?: string;
  ambiguous?: string;
}
interface ErrorCase {
  name: string;
  input: string;
  message: string;
}
const cases = JSON.parse(readFileSync(new URL("./date-input-cases.json", import.meta.url), "utf8")) as { read: ReadCase[]; errors: ErrorCase[] };

describe("parseDateInput reads", () => {
  it.each(cases.read)("$name", (c) => {
    const r = parseDateInput(c.input, fixedClock(c.now));
    expect(r.date).toBe(c.date);
    expect(r.input).toBe(c.input.trim());
    if (c.shows) expect(r.interpretation).toContain(c.shows);
    if (c.ambiguous) expect(r.ambiguous).toContain(c.ambiguous);
    else expect(r.ambiguous).toBeUndefined();
  });

  it("echoes the reading back with the weekday, so the practitioner can check it", () => {
    expect(parseDateInput("3/5/2025", fixedClock("2025-06-12T10:00:00Z")).interpretation).toBe('Sat 3 May 2025 ("3/5/2025", read as day/month/year)');
  });

  it("a bare weekday in a future-tense sentence can be read forward", () => {
    expect(parseDateInput("Tuesday", fixedClock("2025-06-12T10:00:00Z"), { prefer: "future" }).date).toBe("2025-06-17");
  });
});

describe("parseDateInput refuses", () => {
  it.each(cases.errors)("$name", (c) => {
    let error: unknown;
    try {
      parseDateInput(c.input, fixedClock("2025-06-12T10:00:00Z"));
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe("invalid_input");
    expect((error as Error).message.startsWith(c.message)).toBe(true);
  });

  it("the error never repeats what was typed", () => {
    try {
      parseDateInput("Jane Doe's birthday", fixedClock("2025-06-12T10:00:00Z"));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toMatch(/jane/i);
    }
  });
});

describe("findDateInText", () => {
  const clock = fixedClock("2025-06-12T10:00:00Z");

  it("finds the date phrase in a sentence, with where it starts", () => {
    const text = "the strat was on 3/5/2025 with police";
    const f = findDateInText(text, clock);
    expect(f?.dateText).toBe("3/5/2025");
    expect(f?.index).toBe(text.indexOf("3/5/2025"));
    expect(f?.parsed?.date).toBe("2025-05-03");
  });

  it("an impossible date in a sentence comes back with the reason instead of a date", () => {
    expect(findDateInText("ICPC on 31/4/2025", clock)).toMatchObject({ dateText: "31/4/2025", error: "That date does not exist: April has 30 days." });
  });

  it("a short weekday that is also a word is not read as a date inside a sentence", () => {
    expect(findDateInText("the child sat with her mum", clock)).toBeNull();
  });
});

describe("reading when something is due", () => {
  // 2025-05-14 is a Wednesday; 2025-05-16 a Friday.
  const wednesday = fixedClock("2025-05-14");
  const friday = fixedClock("2025-05-16");
  const due = (text: string, clock = wednesday) => findDateInText(text, clock, { prefer: "future", due: true })?.parsed?.date;

  it.each([
    ["SW to visit by Fri", "2025-05-16"],
    ["police to call before Monday", "2025-05-19"],
    ["HV to share records within 3 days", "2025-05-17"],
    ["school to send notes within 2 calendar days", "2025-05-16"],
    ["GP to reply in a week", "2025-05-21"],
    ["chronology by end of the week", "2025-05-16"],
    ["call mum by EOD", "2025-05-14"],
    ["send referral this evening", "2025-05-14"],
  ])("when an action says %s on Wed 14 May 2025, it is due %s", (text, date) => {
    expect(due(text)).toBe(date);
  });

  it("when a deadline names today's weekday, it is the one a week later", () => {
    expect(due("HV to share records by Friday", friday)).toBe("2025-05-23");
  });

  it("when the text gives a working-day timescale, it is not read as a date", () => {
    expect(due("ICPC within 15 working days")).toBeUndefined();
  });

  it("when a description of what happened says 'within 15 days', it is not read as a date unless asked for due dates", () => {
    expect(findDateInText("the ICPC should be within 15 days", wednesday)).toBeNull();
    expect(findDateInText("police to call by Fri", wednesday)).toBeNull();
  });
});
