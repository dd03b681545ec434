import { describe, expect, it } from "vitest";
import { cleanUserText } from "../../core/text.js";

describe("cleanUserText", () => {
  it("removes ANSI escapes and control characters but keeps line breaks", () => {
    expect(cleanUserText("Is a strategy discussion needed?\r\nline two\r\n\u001b[2J\u001b[31mALERT\u001b[0m\u0007")).toBe(
      "Is a strategy discussion needed?\nline two\nALERT",
    );
  });

  it("removes HTML tags but keeps comparisons written with < and >", () => {
    expect(cleanUserText('<img src=x onerror="alert(1)"> what is a <b>core group</b>?')).toBe("  what is a  core group ?");
    expect(cleanUserText("age < 18 and > 10")).toBe("age < 18 and > 10");
  });

  it("leaves ordinary text, accents and emoji alone", () => {
    expect(cleanUserText("Mae plentyn mewn perygl – £5 😀\n\tindented")).toBe("Mae plentyn mewn perygl – £5 😀\n\tindented");
  });
});
