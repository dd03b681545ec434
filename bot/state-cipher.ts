import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Authenticated encryption (AES-256-GCM) for conversation state kept outside the
 * process: dialog state can hold a practitioner's notes about a child, so it is
 * never written to Redis in clear.
 *
 * Key rotation: state is always sealed with the current key; during a rotation the
 * retiring key is given as a previous key and only ever used to open state sealed
 * before the switch. GCM's tag tells a wrong key apart, so no key id is stored.
 */
export class StateCipher {
  private readonly key: Buffer;
  private readonly previous: readonly Buffer[];

  constructor(keyBase64: string, previousKeysBase64: readonly string[] = []) {
    this.key = toKey(keyBase64, "STATE_ENCRYPTION_KEY");
    this.previous = previousKeysBase64.map((k) => toKey(k, "STATE_ENCRYPTION_KEY_PREVIOUS"));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
  }

  /**
   * A keyed hash of a storage key (a channel's conversation id), so the ids never
   * appear in Redis and cannot be matched to keys without the state key.
   */
  hashKey(name: string): string {
    return hashWith(this.key, name);
  }

  /** The same name's hashes under the previous keys: where state written before a rotation is found. */
  previousHashKeys(name: string): string[] {
    return this.previous.map((k) => hashWith(k, name));
  }

  /** Opens state sealed with the current key or, during a rotation, a previous one. Throws if none fits. */
  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(".");
    if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unrecognised state format");
    let failure: unknown;
    for (const key of [this.key, ...this.previous]) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
        decipher.setAuthTag(Buffer.from(tag, "base64"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
      } catch (e) {
        failure = e;
      }
    }
    throw new Error("state could not be decrypted with the configured keys", { cause: failure });
  }
}

function hashWith(key: Buffer, name: string): string {
  return createHmac("sha256", key).update(`state-key:${name}`).digest("base64url");
}

function toKey(keyBase64: string, name: string): Buffer {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return key;
}
