/** The three themes Teams has, as the tab names them in `data-theme`. */
export type TabTheme = "default" | "dark" | "contrast";

/**
 * The theme for a value Teams gives (`context.app.theme`, or a theme change): Teams
 * says "default", "dark" or "contrast"; anything else is shown as the default.
 */
export function themeFrom(value: string | undefined | null): TabTheme {
  return value === "dark" || value === "contrast" ? value : "default";
}

/** Apply a theme to the page: the style sheet keys its colours on `data-theme`. */
export function applyTheme(theme: TabTheme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}
