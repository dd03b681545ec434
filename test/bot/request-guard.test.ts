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

describe("where an anonymous (local) bot may reply", () => {
  const local = { anonymous: true };

  it("a reply in the response (expectReplies) is allowed whatever serviceUrl says", () => {
    expect(guardActivity({ ...valid, deliveryMode: "expectReplies", serviceUrl: "http://10.0.0.5:6379" }, local)).toEqual({ ok: true });
  });

  it.each([
    ["an internal address", "http://169.254.169.254/latest/meta-data"],
    ["another local port", "http://127.0.0.1:6379"],
    ["a public address", "https://example.org/hook"],
  ])("a request asking for replies to be posted to %s is refused with 400", (_name, serviceUrl) => {
    const r = guardActivity({ ...valid, serviceUrl }, local);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(400);
      expect(r.error).toContain("expectReplies");
    }
  });

  it("replies may be posted to the configured Emulator, and only there", () => {
    const policy = { anonymous: true, emulatorServiceUrl: "http://localhost:54321" };
    expect(guardActivity({ ...valid, serviceUrl: "http://localhost:54321/" }, policy)).toEqual({ ok: true });
    expect(guardActivity({ ...valid, serviceUrl: "http://localhost:54322/" }, policy).ok).toBe(false);
  });

  it("with credentials, the connector's serviceUrl is used (the token vouches for it)", () => {
    expect(guardActivity({ ...valid, serviceUrl: "https://smba.trafficmanager.net/uk/" }, { anonymous: false })).toEqual({ ok: true });
  });
});
