import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readAction, type OwnerContext } from "../../records/index.js";

const data = JSON.parse(readFileSync(new URL("./actions-cases.json", import.meta.url), "utf8")) as {
  meeting: string;
  names: string[];
  actions: [string, string | null, string | null][];
  not_actions: string[];
};
const ctx: OwnerContext = { names: data.names, author: "Lucy Grant", anchor: data.meeting, year: 2025 };

describe("actions in the shapes notes write them (a discussion on Friday 14 March 2025)", () => {
  it.each(data.actions)("%s: owner %s, due %s", (line, owner, due) => {
    const a = readAction(line, ctx);
    expect(a).toMatchObject({ owner, due });
    expect(a?.source).toBe(line);
  });

  it.each(data.not_actions)("%s is not an action", (line) => {
    expect(readAction(line, ctx)).toBeNull();
  });

  it("without a date for the discussion, 'tomorrow' is kept as written and not counted from today", () => {
    expect(readAction("Kemi - visit YP at school - tomorrow", { ...ctx, anchor: null })).toMatchObject({ owner: "Kemi", due: null, due_text: "tomorrow" });
  });

  it("in prose (no Actions heading) a line needs a named owner and the shape of a task", () => {
    expect(readAction("Will send the minutes round later", ctx, true)).toBeNull();
    expect(readAction("police will decide re investigation after speaking to the CPS", ctx, true)).toBeNull();
    expect(readAction("Lucy seeing the children at school tmrw", ctx, true)).toMatchObject({ owner: "Lucy", due: "2025-03-15" });
  });

  it.each(["CAMHS – open to the service since May (anxiety)", "Pol – crime recorded (assault)", "health – nil info"])(
    "in prose, '%s' says what an agency has done or knows, and is not an action",
    (line) => expect(readAction(line, ctx, true)).toBeNull(),
  );

  it("in prose, an agency's task said with what to do is still an action", () => {
    expect(readAction("CAMHS – see LM for a risk assessment", ctx, true)).toMatchObject({ owner: "CAMHS" });
  });
});

