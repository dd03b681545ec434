import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../core/errors.js";
import { addDays, addMonths, createCalendar, createDeadlineCalculator, EVENT_IDS, RULE_IDS, formatDate, toEventId, type EventId, type RuleId } from "../../deadlines/index.js";

interface Case {
  name: string;
  event: EventId;
  date: string;
  rule: RuleId;
  due: string;
  skipped: string[];
  clamped?: boolean;
}
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8")) as { working_days: Case[]; months: Case[] };
const calc = createDeadlineCalculator();

function deadline(event: EventId, date: string, rule: RuleId) {
  const d = calc.deadlinesFor(event, date).deadlines.find((x) => x.rule === rule);
  if (!d) throw new Error(`no ${rule} deadline for ${event}`);
  return d;
}

function thrown(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an error");
}

describe("working-day deadlines", () => {
  it.each(cases.working_days)("$name", (c) => {
    const d = deadline(c.event, c.date, c.rule);
    expect(d.due).toBe(c.due);
    expect(d.skipped).toEqual(c.skipped);
    expect(d.kind).toBe("working_days");
    for (const s of c.skipped) expect(d.explanation).toContain(formatDate(s));
    expect(d.explanation).toContain(`due by ${formatDate(c.due)}`);
    expect(d.explanation).toContain("day 0");
    expect(d.calendar_confirmed).toBe(true);
  });

  it("when the ICPC skips Easter, the explanation names each holiday, counts the weekend days and cites Working Together", () => {
    const d = deadline("strategy_discussion", "2025-04-10", "icpc");
    expect(d.explanation).toContain("Fri 18 Apr 2025 (Good Friday)");
    expect(d.explanation).toContain("Mon 21 Apr 2025 (Easter Monday)");
    expect(d.explanation).toContain("Mon 5 May 2025 (Early May bank holiday)");
    expect(d.explanation).toContain("8 weekend days");
    expect(d.explanation).toContain("within 15 working days of the strategy discussion on Thu 10 Apr 2025");
    expect(d.skipped_reasons).toEqual([
      { date: "2025-04-18", reason: "Good Friday" },
      { date: "2025-04-21", reason: "Easter Monday" },
      { date: "2025-05-05", reason: "Early May bank holiday" },
    ]);
    expect(d.citations[0]?.title).toBe("Working Together to Safeguard Children 2023");
  });

  it("when the event falls on a weekend, the explanation says it still counts as day 0", () => {
    expect(deadline("strategy_discussion", "2025-08-23", "icpc").explanation).toContain("here it was a Saturday");
  });

  it("when counting working days directly, the bank holidays passed over are returned with their names", () => {
    const r = calc.addWorkingDays("2025-05-02", 1);
    expect(r).toEqual({ date: "2025-05-06", skipped: [{ date: "2025-05-05", reason: "Early May bank holiday" }], weekendDays: 2, unconfirmedYears: [] });
  });
});

describe("month deadlines", () => {
  it.each(cases.months)("$name", (c) => {
    const d = deadline(c.event, c.date, c.rule);
    expect(d.due).toBe(c.due);
    expect(d.skipped).toEqual(c.skipped);
    expect(d.kind).toBe("months");
    expect(d.explanation.includes("which does not exist")).toBe(c.clamped);
  });

  it("when 3 months runs past the end of April, the explanation says the day does not exist and uses the last day", () => {
    expect(deadline("icpc", "2025-01-31", "first_review").explanation).toContain(
      "3 months after Fri 31 Jan 2025 is 31 April, which does not exist, so the last day of April, Wed 30 Apr 2025.",
    );
  });

  it("when the date lands on a Sunday, the explanation says the due date is the last working day before it", () => {
    expect(deadline("icpc", "2025-05-31", "first_review").explanation).toContain(
      "That date is a Sunday, so the due date is the last working day before it.",
    );
  });

  it("when the date lands on Easter Monday, the explanation names the holiday and the Good Friday also passed over", () => {
    const text = deadline("icpc", "2025-01-21", "first_review").explanation;
    expect(text).toContain("a bank holiday (Easter Monday)");
    expect(text).toContain("Fri 18 Apr 2025 (Good Friday)");
  });

  it("next review counts 6 months from a first review or a later review conference alike", () => {
    expect(calc.due("next_review", "2025-03-14", { event: "first_review" }).due).toBe("2025-09-12");
    expect(calc.due("next_review", "2025-03-14", { event: "review_conference" }).due).toBe("2025-09-12");
  });
});

describe("which deadlines an event starts", () => {
  it("a referral starts the referral decision and the assessment", () => {
    expect(calc.deadlinesFor("referral_received", "2025-06-10").deadlines.map((d) => d.rule)).toEqual(["referral_decision", "assessment_complete"]);
  });

  it("an ICPC starts the core group and the first review", () => {
    expect(calc.deadlinesFor("icpc", "2025-06-10").deadlines.map((d) => d.rule)).toEqual(["core_group", "first_review"]);
  });

  it("every rule is started by some event, and every event starts some rule", () => {
    const started = new Set(EVENT_IDS.flatMap((e) => calc.deadlinesFor(e, "2025-06-10").deadlines.map((d) => d.rule)));
    expect([...started].sort()).toEqual([...RULE_IDS].sort());
  });

  it("the result carries the contract's fields and states the conventions", () => {
    const r = calc.deadlinesFor("strategy_discussion", "2025-04-10");
    expect(r).toMatchObject({ event: "strategy_discussion", event_date: "2025-04-10", jurisdiction: "england", warnings: [] });
    expect(r.conventions).toContain("day 0");
    expect(r.conventions).toContain("last working day before it");
  });

  it("event ids written with hyphens or capitals are accepted", () => {
    expect(calc.deadlinesFor("Strategy-Discussion" as EventId, "2025-04-10").event).toBe("strategy_discussion");
  });
});

describe("the end of the known calendar", () => {
  it("a review running into 2031 is worked out from the usual pattern but marked provisional with a warning", () => {
    const r = calc.deadlinesFor("review_conference", "2030-08-31");
    expect(r.deadlines[0]?.due).toBe("2031-02-28");
    expect(r.deadlines[0]?.calendar_confirmed).toBe(false);
    expect(r.deadlines[0]?.explanation).toContain("Provisional");
    expect(r.warnings.join(" ")).toMatch(/confirmed for 2015 to 2030 only/);
  });

  it("only the deadlines that cross into an unknown year are marked provisional", () => {
    const r = calc.deadlinesFor("referral_received", "2030-12-20");
    expect(r.deadlines.map((d) => [d.rule, d.calendar_confirmed])).toEqual([
      ["referral_decision", true],
      ["assessment_complete", false],
    ]);
  });

  it("only the days counted matter: a referral on 31 December 2014 decided in January 2015 is confirmed", () => {
    const d = calc.deadlinesFor("referral_received", "2014-12-31").deadlines[0];
    expect(d?.due).toBe("2015-01-02");
    expect(d?.calendar_confirmed).toBe(true);
  });

  it("a date before the known years is also marked provisional", () => {
    expect(calc.deadlinesFor("referral_received", "2014-06-10").deadlines[0]?.calendar_confirmed).toBe(false);
  });
});

describe("Wales", () => {
  it("for Wales no England timescale is given as a Wales rule: the list is empty and a warning says where to look", () => {
    const r = calc.deadlinesFor("strategy_discussion", "2025-04-10", { jurisdiction: "wales" });
    expect(r.deadlines).toEqual([]);
    expect(r.jurisdiction).toBe("wales");
    expect(r.warnings[0]).toContain("Wales Safeguarding Procedures");
    expect(r.warnings[0]).toContain("ICPC");
  });

  it("asking for one Wales deadline is not available, with the same explanation", () => {
    const e = thrown(() => calc.due("icpc", "2025-04-10", { jurisdiction: "wales" }));
    expect(e.code).toBe("not_available");
    expect(e.message).toContain("Wales Safeguarding Procedures");
  });

  it("working days in Wales use the Wales bank holidays", () => {
    expect(calc.addWorkingDays("2026-12-24", 1, "wales").date).toBe("2026-12-29");
  });
});

describe("bad input", () => {
  it("an unknown event is an invalid_input error listing the valid events, without echoing the input", () => {
    const e = thrown(() => calc.deadlinesFor("banana-split" as EventId, "2025-04-10"));
    expect(e.code).toBe("invalid_input");
    for (const id of EVENT_IDS) expect(e.message).toContain(id);
    expect(e.message).not.toContain("banana");
  });

  it("an impossible date is an error that says why, never rolled over", () => {
    const e = thrown(() => calc.deadlinesFor("icpc", "2024-02-30"));
    expect(e).toEqual({ code: "invalid_input", message: "That date does not exist: 2024 has 29 days in February." });
  });

  it("a date that is not YYYY-MM-DD is refused by the calculator (the date parser reads other forms)", () => {
    expect(thrown(() => calc.deadlinesFor("icpc", "3/5/2025")).code).toBe("invalid_input");
  });

  it("a rule counted from the wrong event is refused", () => {
    expect(thrown(() => calc.due("core_group", "2025-04-10", { event: "strategy_discussion" })).code).toBe("invalid_input");
  });
});

describe("invariants over fourteen years of dates", () => {
  const cal = createCalendar();
  const dates: string[] = [];
  for (let d = "2016-01-01"; d < "2030-01-01"; d = addDays(d, 5)) dates.push(d);

  it("a working-day deadline is a working day with exactly N working days after the event, up to and including it", () => {
    for (const start of dates) {
      for (const n of [1, 5, 10, 15, 45]) {
        const r = calc.addWorkingDays(start, n);
        expect(cal.isWorkingDay(r.date)).toBe(true);
        let working = 0;
        for (let d = addDays(start, 1); d <= r.date; d = addDays(d, 1)) if (cal.isWorkingDay(d)) working++;
        expect(working, `${start} + ${n}`).toBe(n);
      }
    }
  });

  it("a month deadline is the last working day on or before the same day N months later", () => {
    for (const start of dates) {
      const d = calc.due("first_review", start);
      const nominal = addMonths(start, 3).date;
      expect(d.due <= nominal).toBe(true);
      expect(cal.isWorkingDay(d.due)).toBe(true);
      for (let x = addDays(d.due, 1); x <= nominal; x = addDays(x, 1)) expect(cal.isWorkingDay(x), `${start}: ${x}`).toBe(false);
    }
  });
});

describe("event names in practitioners' words", () => {
  it.each([
    ["strat", "strategy_discussion"],
    ["RCPC", "review_conference"],
    ["initial conference", "icpc"],
    ["transfer in", "transfer_in_notified"],
  ] as const)("%s is read as %s", (words, id) => {
    expect(toEventId(words)).toBe(id);
  });
});

describe("jurisdiction values", () => {
  it("a jurisdiction other than england or wales is refused, not guessed", () => {
    expect(thrown(() => calc.deadlinesFor("icpc", "2025-06-10", { jurisdiction: "scotland" as "england" })).code).toBe("invalid_input");
    expect(thrown(() => calc.addWorkingDays("2025-06-10", 1, "scotland" as "england")).code).toBe("invalid_input");
  });
});
