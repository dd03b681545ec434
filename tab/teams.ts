import { applyTheme, themeFrom } from "./theme.js";

/** How long to wait for a Teams host to answer before carrying on as a plain page. */
const HOST_TIMEOUT_MS = 5000;

/** Whether the page is framed (Teams hosts tabs in an iframe); a plain page never talks to a host. */
export function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent: framed
  }
}

/**
 * When hosted in Teams: initialise the Teams SDK, take the theme from the context and
 * follow theme changes. Outside Teams the SDK is never loaded (it would try to reach
 * its host), and the page follows the browser's colour preferences instead.
 * Resolves to whether Teams answered.
 */
export async function connectToTeams(): Promise<boolean> {
  if (!isFramed()) return false;
  try {
    const { app } = await import("./teams-sdk.js");
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no Teams host")), HOST_TIMEOUT_MS));
    await Promise.race([app.initialize(), timeout]);
    const context = await app.getContext();
    applyTheme(themeFrom(context.app.theme));
    app.registerOnThemeChangeHandler((theme) => applyTheme(themeFrom(theme)));
    app.notifySuccess();
    return true;
  } catch {
    // Framed by something that is not Teams (or Teams did not answer): a plain page still works.
    return false;
  }
}
