import { describe, expect, it } from "vitest";
import { triageByRules } from "../../escalation/triage.js";

/**
 * An order (a court order, an injunction, a restraining or non-molestation order, bail conditions) is a person's legal status,
 * not their presence: it makes someone an intruder only with a place that says they are there (danger-kinds.json intruder_inside:
 * the orders are places, no longer conditions, so an order no longer joins itself or "my ex" into a danger).
 */
const present = [
  "my ex has a non molestation order and he is in the garden right now",
  "he is not allowed near the kids because of a court order and he is banging on the door",
  "my ex is breaking the injunction, he is outside the house shouting and the kids are inside",
  "there is a man in the house who is not allowed to be here, he has bail conditions",
];
const status = [
  "The court order says she has to go to her dads at the weekend, what should we do",
  "He's moved out and she has applied for a non-molestation order. What do I need to do?",
  "My ex has a restraining order against him and we have not seen him for months. Can school share it with the nursery?",
];

describe("an order is a status, not a presence (rules alone)", () => {
  it.each(present)("someone there in breach of an order is 999: %s", (t) => expect(triageByRules(t).level).toBe("999"));
  it.each(status)("an order named with no one there is not 999: %s", (t) => expect(triageByRules(t).level).not.toBe("999"));
});
