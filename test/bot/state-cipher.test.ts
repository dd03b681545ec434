import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { StateCipher } from "../../bot/state-cipher.js";

describe("state cipher", () => {
  const key = randomBytes(32).toString("base64");

  it("what is sealed opens again and does not show the plain text", () => {
    const c = new StateCipher(key);
    const sealed = c.encrypt("notes about Amy, 3");
    expect(sealed).not.toContain("Amy");
    expect(c.decrypt(sealed)).toBe("notes about Amy, 3");
  });

  it("a tampered value is refused", () => {
    const c = new StateCipher(key);
    const parts = c.encrypt("hello").split(".");
    parts[3] = Buffer.from("jello").toString("base64");
    expect(() => c.decrypt(parts.join("."))).toThrow();
  });

  it("a key that is not 32 bytes is refused", () => {
    expect(() => new StateCipher(Buffer.from("short").toString("base64"))).toThrow(/32 bytes/);
  });
});
