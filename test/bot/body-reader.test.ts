import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { MAX_ACTIVITY_BYTES, MAX_JSON_DEPTH, jsonDepth, readJsonBody } from "../../bot/body-reader.js";

function request(body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }): IncomingMessage {
  const stream = Readable.from([typeof body === "string" ? Buffer.from(body) : body]) as unknown as IncomingMessage;
  stream.headers = headers;
  return stream;
}

const nested = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

describe("reading request bodies", () => {
  it("JSON nested within the limit is parsed", async () => {
    const r = await readJsonBody(request(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`), { maxBytes: MAX_ACTIVITY_BYTES });
    expect(r.ok).toBe(true);
  });

  it("JSON nested 10,000 levels deep is refused with 400 before it is parsed", async () => {
    const r = await readJsonBody(request(nested(10_000)), { maxBytes: MAX_ACTIVITY_BYTES });
    expect(r).toMatchObject({ ok: false, status: 400 });
    if (!r.ok) expect(r.error).toContain(String(MAX_JSON_DEPTH));
  });

  it("brackets inside strings do not count as nesting", () => {
    expect(jsonDepth(JSON.stringify({ text: "[[[[{{{{ \\\" ]]" }))).toBe(1);
  });

  it("a body over the limit is refused with 413, from its declared length or as it arrives", async () => {
    const big = JSON.stringify({ text: "x".repeat(MAX_ACTIVITY_BYTES) });
    expect(await readJsonBody(request(big, { "content-type": "application/json", "content-length": String(big.length) }), { maxBytes: MAX_ACTIVITY_BYTES })).toMatchObject({ ok: false, status: 413 });
    expect(await readJsonBody(request(big), { maxBytes: MAX_ACTIVITY_BYTES })).toMatchObject({ ok: false, status: 413 });
  });

  it("the limit stated is the limit enforced: 1 MiB passes, one byte more does not", async () => {
    const pad = (n: number) => JSON.stringify({ t: "x".repeat(n - 8) });
    expect(pad(MAX_ACTIVITY_BYTES).length).toBe(MAX_ACTIVITY_BYTES);
    expect((await readJsonBody(request(pad(MAX_ACTIVITY_BYTES)), { maxBytes: MAX_ACTIVITY_BYTES })).ok).toBe(true);
    expect(await readJsonBody(request(pad(MAX_ACTIVITY_BYTES + 1)), { maxBytes: MAX_ACTIVITY_BYTES })).toMatchObject({ ok: false, status: 413 });
  });

  it("invalid JSON is a 400, an empty body reads as nothing, and a form post is a 415", async () => {
    expect(await readJsonBody(request('{"type": '), { maxBytes: 1000 })).toMatchObject({ ok: false, status: 400 });
    expect(await readJsonBody(request(""), { maxBytes: 1000 })).toEqual({ ok: true, body: undefined });
    expect(await readJsonBody(request("a=b", { "content-type": "application/x-www-form-urlencoded" }), { maxBytes: 1000 })).toMatchObject({ ok: false, status: 415 });
  });
});
