import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Authenticated encryption (AES-256-GCM) for conversation state kept outside the
 * process: dialog state can hold a practitioner's notes about a child, so it is
 * never written to Redis in clear.
 */
export class StateCipher {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    const key = Buffer.from(keyBase64, "base64");
    if (key.length !== 32) throw new Error("STATE_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
    this.key = key;
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
    return createHmac("sha256", this.key).update(`state-key:${name}`).digest("base64url");
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(".");
    if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unrecognised state format");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  }
}
