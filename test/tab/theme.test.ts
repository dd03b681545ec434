import { describe, expect, it } from "vitest";
import { themeFrom } from "../../tab/theme.js";

describe("the tab's theme from Teams", () => {
  it.each([
    ["default", "default"],
    ["dark", "dark"],
    ["contrast", "contrast"],
    [undefined, "default"],
    ["", "default"],
    ["sepia", "default"],
  ])("Teams theme %s is shown as %s", (given, shown) => {
    expect(themeFrom(given)).toBe(shown);
  });
});
