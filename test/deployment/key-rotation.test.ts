import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { StateCipher } from "../../bot/state-cipher.js";
import { parseConfig } from "../../core/config.js";

// Rotating STATE_ENCRYPTION_KEY (README, "Rotate the state encryption key"): during the
// rollout the new key seals and either key opens; afterwards the old key is gone.

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const notes = "Strat 14/5/25: concerns about child ref 4471";

describe("rotating the state encryption key", () => {
  it("during the rotation, state sealed with the old key still opens", () => {
    const sealedBefore = new StateCipher(oldKey).encrypt(notes);
    expect(new StateCipher(newKey, [oldKey]).decrypt(sealedBefore)).toBe(notes);
  });

  it("during the rotation, everything is sealed with the new key only", () => {
    const sealedDuring = new StateCipher(newKey, [oldKey]).encrypt(notes);
    expect(new StateCipher(newKey).decrypt(sealedDuring)).toBe(notes);
    expect(() => new StateCipher(oldKey).decrypt(sealedDuring)).toThrow(/could not be decrypted/);
  });

  it("after the old key is removed, state still sealed with it is refused, not misread", () => {
    const leftOver = new StateCipher(oldKey).encrypt(notes);
    expect(() => new StateCipher(newKey).decrypt(leftOver)).toThrow(/could not be decrypted/);
  });

  it("a tampered value is refused by every key", () => {
    const parts = new StateCipher(newKey, [oldKey]).encrypt(notes).split(".");
    parts[3] = Buffer.from("something else entirely").toString("base64");
    expect(() => new StateCipher(newKey, [oldKey]).decrypt(parts.join("."))).toThrow();
  });

  it("a previous key that is not 32 bytes is refused at start-up, and the error names it", () => {
    expect(() => new StateCipher(newKey, [Buffer.from("short").toString("base64")])).toThrow(/STATE_ENCRYPTION_KEY_PREVIOUS/);
    expect(() =>
      parseConfig({
        STATE_STORE: "redis",
        REDIS_URL: "redis://localhost:6379",
        STATE_ENCRYPTION_KEY: newKey,
        STATE_ENCRYPTION_KEY_PREVIOUS: "c2hvcnQ=",
      }),
    ).toThrow(/STATE_ENCRYPTION_KEY_PREVIOUS/);
  });

  it("the configuration carries both keys to the state store", () => {
    const config = parseConfig({
      STATE_STORE: "redis",
      REDIS_URL: "redis://localhost:6379",
      STATE_ENCRYPTION_KEY: newKey,
      STATE_ENCRYPTION_KEY_PREVIOUS: oldKey,
    });
    expect(config.state.encryptionKey).toBe(newKey);
    expect(config.state.previousEncryptionKey).toBe(oldKey);
  });
});
