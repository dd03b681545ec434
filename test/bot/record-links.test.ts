import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../core/logger.js";
import { RecordLinks, originOf } from "../../bot/record-links.js";
import type { DraftResult } from "../../records/index.js";
import { completeRecord } from "../records/fixtures.js";

const draft = (concerns = "Infant with unexplained bruising."): DraftResult => ({
  record: { ...completeRecord(), concerns },
  gaps: [],
  deadlines: [],
  warnings: [],
  missing: [],
});

function links(ttlMs = 30 * 60_000) {
  let now = 1_000_000;
  const store = new RecordLinks({ ttlMs, logger: createLogger({ level: "silent" }), now: () => now, maxRecords: 3 });
  return { store, advance: (ms: number) => (now += ms) };
}

async function documentXml(docx: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string")) ?? "";
}

describe("record download links", () => {
  it("a held record is a Word file under a 43-character random token, named by its date and never by the child", async () => {
    const { store } = links();
    const token = store.hold(draft(), "conv-1");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.hold(draft(), "conv-2")).not.toBe(token);
    const got = await store.get(token);
    expect(got?.filename).toBe("strategy-discussion-record-2025-05-14.docx");
    expect(got?.filename).not.toContain("C-20992");
    expect(await documentXml(got?.docx as Buffer)).toContain("unexplained bruising");
    store.close();
  });

  it("the file is the draft as it was held, though it is rendered only at the first download, and twice the same file", async () => {
    const { store } = links();
    const held = draft("Toddler with a burn to the hand.");
    const token = store.hold(held, "conv-1");
    held.record.concerns = "changed after the link was made";
    const first = await store.get(token);
    expect(await documentXml(first?.docx as Buffer)).toContain("burn to the hand");
    expect(await documentXml(first?.docx as Buffer)).not.toContain("changed after");
    expect((await store.get(token))?.docx).toBe(first?.docx);
    store.close();
  });

  it("after the time allowed the record is forgotten", async () => {
    const { store, advance } = links(30 * 60_000);
    const token = store.hold(draft(), "conv-1");
    advance(29 * 60_000);
    expect(await store.get(token)).not.toBeNull();
    advance(60_001);
    expect(await store.get(token)).toBeNull();
    expect(store.size).toBe(0);
    store.close();
  });

  it("a new draft in the same conversation replaces the last one; other conversations keep theirs", async () => {
    const { store } = links();
    const first = store.hold(draft("first"), "conv-1");
    const other = store.hold(draft("other"), "conv-2");
    const second = store.hold(draft("second"), "conv-1");
    expect(await store.get(first)).toBeNull();
    expect(await documentXml((await store.get(second))?.docx as Buffer)).toContain("second");
    expect(await store.get(other)).not.toBeNull();
    store.close();
  });

  it("no more than the most allowed are held: the oldest goes first", async () => {
    const { store } = links();
    const tokens = ["a", "b", "c", "d"].map((c) => store.hold(draft(), c));
    expect(store.size).toBe(3);
    expect(await store.get(tokens[0] as string)).toBeNull();
    expect(await store.get(tokens[3] as string)).not.toBeNull();
    store.close();
  });

  it("a malformed or unknown token finds nothing", async () => {
    const { store } = links();
    store.hold(draft(), "conv-1");
    for (const t of ["", "../../etc/passwd", "x".repeat(43), "a".repeat(44)]) expect(await store.get(t)).toBeNull();
    store.close();
  });

  it("only a plain Host header becomes a link's origin", () => {
    expect(originOf("127.0.0.1:3978")).toBe("http://127.0.0.1:3978");
    expect(originOf("localhost")).toBe("http://localhost");
    expect(originOf("[::1]:3978")).toBe("http://[::1]:3978");
    for (const bad of [undefined, "", "evil.example/x", "a b", "host:port", 'x"onerror=1']) expect(originOf(bad)).toBeUndefined();
  });
});
