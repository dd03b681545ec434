import { describe, expect, it } from "vitest";
import { guardActivity } from "../../bot/request-guard.js";

const valid = {
  type: "message",
  text: "hello",
  channelId: "emulator",
  serviceUrl: "http://localhost:1",
  conversation: { id: "c1" },
  from: { id: "u1" },
  recipient: { id: "b1" },
};

describe("request guard", () => {
  it("a well-formed message activity passes", () => {
    expect(guardActivity(valid)).toEqual({ ok: true });
  });

  it.each([
    ["an empty body", undefined],
    ["an empty string", ""],
    ["a JSON array", [valid]],
    ["a number", 42],
  ])("%s is refused with 400", (_name, body) => {
    const r = guardActivity(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status).toBe(400);
  });

  it("a missing conversation is refused and named", () => {
    const { conversation: _c, ...rest } = valid;
    const r = guardActivity(rest);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("conversation");
  });

  it("a non-string text is refused", () => {
    expect(guardActivity({ ...valid, text: { evil: true } }).ok).toBe(false);
  });
});
