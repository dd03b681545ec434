import { describe, expect, it } from "vitest";
import { loadLabelled } from "../../escalation/labelled.js";
import { readMessage } from "../../escalation/reader.js";

/**
 * Messages arrive cut off: Enter pressed mid-sentence in Teams, a paste that stops short, a voice note that ends
 * early. The reader must read any prefix of a message without error. About 230 labelled lines, spread evenly over the
 * set (every 12th when it had 2,776 lines; the stride grows with the set so the work stays the same), are cut after each
 * of their first 60 words (about 5,000 prefixes): a reader that looks past the last word fails here, whatever the
 * wording that exposes it.
 */
describe("a message cut off after any word", () => {
  it("is read without error", () => {
    const all = loadLabelled();
    const stride = Math.max(12, Math.ceil(all.length / 230));
    const lines = all.filter((_, i) => i % stride === 0);
    let read = 0;
    for (const l of lines) {
      const words = l.text.split(/\s+/);
      for (let n = 1; n <= Math.min(words.length, 60); n++) {
        const text = words.slice(0, n).join(" ");
        expect(() => readMessage(text), text).not.toThrow();
        read++;
      }
    }
    expect(read).toBeGreaterThan(2000);
  });
});
