import { TestAdapter } from "botbuilder";
import { describe, expect, it } from "vitest";
import { TurnReader } from "../../bot/turn-reader.js";
import { testAssistant } from "../dialogs/harness.js";

// Triage normalises what people type (invisible characters, look-alike letters); the
// edge must hand it the text exactly as typed, with nothing stripped or rewritten first.

describe("what the edge hands to triage", () => {
  it.each([
    ["a zero-width space inside a word", "my dad has a kn\u200bife and says he will hu\u200brt me"],
    ["soft hyphens", "he said he will ki\u00adll me"],
    ["Cyrillic look-alike letters", "he has a \u043anif\u0435 and says he will hurt me"],
    ["a joiner and a byte-order mark", "\ufeffmy mum's boyfriend hit me\u200d"],
  ])("%s reaches the reading unchanged", async (_name, text) => {
    const assistant = testAssistant("2025-05-20T09:00:00Z");
    const seen: string[] = [];
    const read = assistant.read.bind(assistant);
    assistant.read = async (raw, opts) => {
      seen.push(raw);
      return read(raw, opts);
    };
    const adapter = new TestAdapter(async () => undefined);
    adapter.use(new TurnReader(assistant, { debugTraces: false }));
    await adapter.send(text);
    expect(seen).toEqual([text]);
  });
});
