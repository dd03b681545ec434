import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, escapeForLog } from "../../core/logger.js";

function capture() {
  const lines: string[] = [];
  let buffer = "";
  const stream = new Writable({
    write(chunk, _enc, cb) {
      buffer += chunk.toString();
      let i;
      while ((i = buffer.indexOf("\n")) >= 0) {
        lines.push(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
      cb();
    },
  });
  return { stream, lines };
}

const INJECTION =
  "Is a strategy discussion needed here?\r\n2025-01-01T00:00:00Z INFO auth user=admin role=superuser action=export_all\r\n\u001b[2J\u001b[31mALERT\u001b[0m";

describe("logging", () => {
  it("by default, message text and names are redacted", () => {
    const { stream, lines } = capture();
    const log = createLogger({ destination: stream });
    log.info({ text: "Jane Smith, 14, lives at 3 High St", activity: { text: "secret", from: { name: "Jane" } } }, "turn");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("Jane");
    expect(lines[0]).not.toContain("secret");
    expect(lines[0]).toContain("[redacted]");
  });

  it("when the operator opts in, message text is logged, still on one line", () => {
    const { stream, lines } = capture();
    const log = createLogger({ destination: stream, userText: true });
    log.info({ text: INJECTION }, "turn");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Is a strategy discussion needed here?");
  });

  it("a log-injection attempt stays one entry with CR, LF and ESC escaped", () => {
    const { stream, lines } = capture();
    const log = createLogger({ destination: stream, userText: true });
    log.info({ text: INJECTION, detail: { note: INJECTION } }, INJECTION);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).not.toMatch(/[\r\u001b]/);
    expect(line).toContain("\\\\r\\\\n");
    expect(line).toContain("\\\\u001b");
    expect(JSON.parse(line).msg).toContain("\\r\\n2025-01-01");
  });

  it("escapeForLog escapes controls, Unicode line separators and lone surrogates", () => {
    expect(escapeForLog("a\nb\rc\u001b[0m\u2028d\ud800e")).toBe("a\\nb\\rc\\u001b[0m\\u2028d\\ud800e");
    expect(escapeForLog("plain text £ é 😀")).toBe("plain text £ é 😀");
  });
});
