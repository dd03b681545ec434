import { describe, expect, it } from "vitest";
import { asksWhatToDo } from "../../assistant/assistant.js";

describe("a described concern that asks what to do", () => {
  it("asking what to do, or whom to tell, is read as asking how to act on a concern", () => {
    expect(asksWhatToDo("a Year 9 boy is carrying cash and has a new phone: what do I do and who do I call?")).toBe(true);
    expect(asksWhatToDo("Mum turned up drunk at pick-up again. Should I refer?")).toBe(true);
    expect(asksWhatToDo("She told me her stepdad hits her. What now?")).toBe(true);
  });

  it("asking for something particular (a phone number, a consent rule) is not", () => {
    expect(asksWhatToDo("It's 2am and a 15 year old hasn't come home. What's the emergency duty team number?")).toBe(false);
    expect(asksWhatToDo("A 13 year old wants counselling but dad said no. Can the counsellor see him anyway?")).toBe(false);
  });
});
