import { generateKeyPairSync, createSign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AuthFailed, checkTokenShape } from "../../bot/adapter.js";

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const claims = { iss: "https://api.botframework.com", aud: "00000000-0000-0000-0000-000000000001", exp: Math.floor(Date.now() / 1000) + 600 };

function reason(header: string): string | undefined {
  try {
    checkTokenShape(header);
    return undefined;
  } catch (e) {
    return e instanceof AuthFailed ? e.reason : "other";
  }
}

describe("tokens refused before any key is fetched", () => {
  it("no token, another scheme, or a token that is not a JWT", () => {
    expect(reason("")).toBe("missing");
    expect(reason("Basic dXNlcjpwYXNz")).toBe("malformed");
    expect(reason("Bearer not-a-jwt")).toBe("malformed");
  });

  it("alg none and HS256 are refused by algorithm", () => {
    expect(reason(`Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`)).toBe("malformed");
    expect(reason(`Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.c2ln`)).toBe("algorithm");
    expect(reason(`Bearer ${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}.c2lnbmF0dXJl`)).toBe("algorithm");
  });

  it("an RS256 token passes this check: its signature is verified against the published keys", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const body = `${b64({ alg: "RS256", typ: "JWT", kid: "self-signed" })}.${b64(claims)}`;
    const sig = createSign("RSA-SHA256").update(body).sign(privateKey).toString("base64url");
    expect(reason(`Bearer ${body}.${sig}`)).toBeUndefined();
  });
});
