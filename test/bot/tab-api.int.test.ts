import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { listStages } from "../../procedures/index.js";
import { start, type RunningBot } from "../../bot/server.js";
import { DeadlineResponse, EventsResponse, PathwayResponse } from "../../bot/tab-contract.js";

// The tab's JSON API on the real server: the same use cases as the bot and the CLI.

let bot: RunningBot;

beforeAll(async () => {
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
});

const deadline = (body: unknown) =>
  fetch(`${bot.url}/api/tab/deadline`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the tab's API", () => {
  it("lists every event a deadline counts from", async () => {
    const { events } = EventsResponse.parse(await (await fetch(`${bot.url}/api/tab/events`)).json());
    expect(events.map((e) => e.id)).toContain("strategy_discussion");
    expect(events.length).toBe(8);
  });

  it("a first review counted from an ICPC gives the date, the rule, and the cited source", async () => {
    const res = await deadline({ event: "icpc", date: "1/5/2025" });
    expect(res.status).toBe(200);
    const r = DeadlineResponse.parse(await res.json());
    expect(r.event_date).toBe("2025-05-01");
    const review = r.deadlines.find((d) => d.rule === "first_review");
    expect(review?.due).toBe("2025-08-01");
    expect(review?.rule_text).toMatch(/within 3 months/);
    expect(review?.citations[0]?.title).toBe("Working Together to Safeguard Children 2023");
    expect(r.ics).toBe("/api/tab/deadline.ics?event=icpc&date=2025-05-01&jurisdiction=england");
  });

  it("in Wales no England timescale is given: no dates, and a warning that says why", async () => {
    const r = DeadlineResponse.parse(await (await deadline({ event: "strategy_discussion", date: "2025-05-14", jurisdiction: "wales" })).json());
    expect(r.deadlines).toEqual([]);
    expect(r.warnings.join(" ")).toMatch(/Wales/);
  });

  it.each([
    [{ event: "icpc" }, /date/i],
    [{ event: "icpc", date: "   " }, /Type the date/],
    [{ event: "bedtime", date: "2025-05-14" }, /not an event I can count from/],
    [{ event: "icpc", date: "2025-05-14", jurisdiction: "scotland" }, /England or Wales/],
    [{ event: "icpc", date: "30/02/2025" }, /does not exist/],
  ])("a bad request %j gets a 400 with words the tab can show", async (body, words) => {
    const res = await deadline(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(words);
  });

  it("the pathway for each jurisdiction holds every stage of the procedure data, each step cited; Wales cites only Wales sources", async () => {
    for (const j of ["england", "wales"] as const) {
      const p = PathwayResponse.parse(await (await fetch(`${bot.url}/api/tab/pathway?jurisdiction=${j}`)).json());
      expect(p.stages.map((s) => s.id)).toEqual(listStages(j).map((s) => s.id));
      for (const step of p.stages.flatMap((s) => s.steps)) expect(step.citations.length).toBeGreaterThan(0);
      if (j === "wales") expect(p.stages.flatMap((s) => s.steps).flatMap((s) => s.citations).every((c) => c.file.startsWith("cascade-wales"))).toBe(true);
    }
    expect((await fetch(`${bot.url}/api/tab/pathway?jurisdiction=scotland`)).status).toBe(400);
  });

  it("the calendar file needs a valid event and date too", async () => {
    expect((await fetch(`${bot.url}/api/tab/deadline.ics?event=icpc`)).status).toBe(400);
    const ok = await fetch(`${bot.url}/api/tab/deadline.ics?event=icpc&date=2025-05-01`);
    expect(ok.headers.get("content-disposition")).toBe('attachment; filename="safeguarding-deadlines-icpc-2025-05-01.ics"');
  });
});
