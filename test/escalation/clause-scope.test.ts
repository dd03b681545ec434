import { describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * Commas are gone from normalised text, so two clauses run together. A negation governs its own clause only ("no, he's choking
 * her" tells of a choking; "he is not choking her" denies one), and "last time" speaks of an earlier occasion: as a clause of
 * its own ("last time he got in he hit her") or a comparison ("like last time") it does not date a danger told now.
 */
const live = (text: string) => readMessage(text).hits.some((h) => h.live);

describe("a negation governs its own clause, not the danger's clause after it (rules alone)", () => {
  it.each([
    "no he is choking her",
    "no, he's got a knife to her throat",
    "not me, my stepdad is punching my brother",
    "no one answered and he is kicking the door in",
    "never mind that, he has a knife to her",
  ])("the danger after a clause with a negator is read: %s", (text) => {
    expect(live(text)).toBe(true);
    expect(triageByRules(text).level).toBe("999");
  });

  it.each(["he is not choking her", "nobody is hurting her", "no one is hitting him", "he has not got a knife"])(
    "a negation in the danger's own clause still denies it: %s",
    (text) => {
      expect(live(text)).toBe(false);
      expect(triageByRules(text).level).not.toBe("999");
    },
  );
});

describe("\"last time\" names an earlier occasion, not the time of a danger told now (rules alone)", () => {
  it.each([
    "he is outside banging on the door, last time he got in he hit her",
    "he's kicking the door in like last time",
    "he has a knife again like last time",
    "my ex is banging on the window, the last time he got in he hit my son",
    "she's taken a load of tablets, same as last time",
  ])("a danger told now beside an earlier time is 999: %s", (text) => {
    expect(live(text)).toBe(true);
    expect(triageByRules(text).level).toBe("999");
  });

  it.each(["last time he was here he hit me", "last time he came round he strangled her", "he kicked the door in last time"])(
    "the earlier occasion itself is past: %s",
    (text) => {
      expect(live(text)).toBe(false);
      expect(triageByRules(text).level).not.toBe("999");
    },
  );
});
