/**
 * Adaptive Card host configs (and the host's button styles) for Microsoft Teams' light,
 * dark and high-contrast themes, written from Teams' published colours: the Fluent UI 2
 * design tokens for Teams, `teamsLightTheme`, `teamsDarkTheme` and
 * `teamsHighContrastTheme` in Microsoft's @fluentui/tokens (read from version
 * 1.0.0-alpha.24; source: https://github.com/microsoft/fluentui/tree/master/packages/tokens/src
 * - themes/teams/*.ts, alias/lightColor.ts, alias/teamsDarkColor.ts, alias/highContrastColor.ts,
 * alias/*ColorPalette.ts for the status colours). Each value below names its token.
 *
 * How the tokens map onto the host config: the card sits on Teams' message surface
 * (colorNeutralBackground1); `emphasis` is the next surface down (colorNeutralBackground3);
 * `attention`, `warning` and `good` containers are Fluent's status surfaces, as its
 * MessageBar uses them (colorStatus{Danger,Warning,Success}Background1); `accent` is
 * colorBrandBackground2. Text colours: default colorNeutralForeground1, subtle
 * colorNeutralForeground3, accent colorBrandForegroundLink, good/warning/attention
 * colorStatus*Foreground1, dark colorNeutralForeground1Static, light
 * colorNeutralForegroundInverted. Font sizes follow Fluent's ramp (fontSizeBase200-600),
 * weights fontWeightRegular and fontWeightSemibold.
 */

export type TeamsTheme = "light" | "dark" | "highContrast";

interface Palette {
  /** Behind the card: Teams' chat canvas (colorNeutralBackground3 in light and dark). */
  canvas: string;
  surface: string; // colorNeutralBackground1
  emphasis: string; // colorNeutralBackground3
  accentSurface: string; // colorBrandBackground2
  goodSurface: string; // colorStatusSuccessBackground1
  warningSurface: string; // colorStatusWarningBackground1
  attentionSurface: string; // colorStatusDangerBackground1
  text: string; // colorNeutralForeground1
  subtle: string; // colorNeutralForeground3
  accent: string; // colorBrandForegroundLink
  good: string; // colorStatusSuccessForeground1
  warning: string; // colorStatusWarningForeground1
  attention: string; // colorStatusDangerForeground1
  dark: string; // colorNeutralForeground1Static
  light: string; // colorNeutralForegroundInverted
  stroke: string; // colorNeutralStroke1 (button borders)
  separator: string; // colorNeutralStroke2
}

export const TEAMS_PALETTES: Record<TeamsTheme, Palette> = {
  light: {
    canvas: "#f5f5f5",
    surface: "#ffffff",
    emphasis: "#f5f5f5",
    accentSurface: "#e8ebfa",
    goodSurface: "#f1faf1",
    warningSurface: "#fff9f5",
    attentionSurface: "#fdf3f4",
    text: "#242424",
    subtle: "#616161",
    accent: "#4f52b2",
    good: "#0e700e",
    warning: "#bc4b09",
    attention: "#b10e1c",
    dark: "#242424",
    light: "#ffffff",
    stroke: "#d1d1d1",
    separator: "#e0e0e0",
  },
  dark: {
    canvas: "#1f1f1f",
    surface: "#292929",
    emphasis: "#1f1f1f",
    accentSurface: "#2f2f4a",
    goodSurface: "#052505",
    warningSurface: "#4a1e04",
    attentionSurface: "#3b0509",
    text: "#ffffff",
    subtle: "#adadad",
    accent: "#7f85f5",
    good: "#54b054",
    warning: "#faa06b",
    attention: "#dc626d",
    dark: "#242424",
    light: "#242424",
    stroke: "#666666",
    separator: "#525252",
  },
  highContrast: {
    canvas: "#000000",
    surface: "#000000",
    emphasis: "#000000",
    accentSurface: "#000000",
    goodSurface: "#000000",
    warningSurface: "#000000",
    attentionSurface: "#000000",
    text: "#ffffff",
    subtle: "#ffffff",
    accent: "#ffff00",
    good: "#ffffff",
    warning: "#ffffff",
    attention: "#ffffff",
    dark: "#ffffff",
    light: "#000000",
    stroke: "#ffffff",
    separator: "#ffffff",
  },
};

function foregrounds(p: Palette) {
  const pair = (c: string) => ({ default: c, subtle: c });
  return {
    default: { default: p.text, subtle: p.subtle },
    dark: pair(p.dark),
    light: pair(p.light),
    accent: pair(p.accent),
    good: pair(p.good),
    warning: pair(p.warning),
    attention: pair(p.attention),
  };
}

/** The host config object the `adaptivecards` renderer takes, for one theme. */
export function teamsHostConfig(theme: TeamsTheme): Record<string, unknown> {
  const p = TEAMS_PALETTES[theme];
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: foregrounds(p) });
  return {
    supportsInteractivity: true,
    fontTypes: {
      default: {
        fontFamily: '"Segoe UI", system-ui, sans-serif',
        fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
        fontWeights: { lighter: 400, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: "Consolas, monospace",
        fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
        fontWeights: { lighter: 400, default: 400, bolder: 600 },
      },
    },
    spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.separator },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: style(p.surface),
      emphasis: style(p.emphasis),
      accent: style(p.accentSurface),
      good: style(p.goodSurface),
      attention: style(p.attentionSurface),
      warning: style(p.warningSurface),
    },
    actions: {
      maxActions: 6,
      spacing: "default",
      buttonSpacing: 8,
      showCard: { actionMode: "inline", inlineTopMargin: 8 },
      actionsOrientation: "horizontal",
      actionAlignment: "left",
    },
    factSet: {
      title: { color: "default", size: "default", isSubtle: false, weight: "bolder", wrap: true, maxWidth: 150 },
      value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
      spacing: 8,
    },
    textStyles: {
      heading: { size: "large", weight: "bolder", color: "default", isSubtle: false, fontType: "default" },
      columnHeader: { size: "default", weight: "bolder", color: "default", isSubtle: false, fontType: "default" },
    },
  };
}

/**
 * The host's own styles: the renderer leaves buttons to the host. Teams' buttons are
 * the neutral Fluent button: colorNeutralBackground1, a colorNeutralStroke1 border and
 * colorNeutralForeground1 semibold text.
 */
export function teamsHostCss(theme: TeamsTheme): string {
  const p = TEAMS_PALETTES[theme];
  return `
    body { margin: 0; padding: 16px; background: ${p.canvas}; font-family: "Segoe UI", system-ui, sans-serif; }
    .card-frame { width: 460px; margin: 0 0 16px; border-radius: 4px; overflow: hidden; background: ${p.surface}; }
    .ac-pushButton { background: ${p.surface}; color: ${p.text}; border: 1px solid ${p.stroke}; border-radius: 4px;
      font: 600 14px "Segoe UI", system-ui, sans-serif; padding: 5px 12px; min-height: 32px; cursor: pointer; }
    .ac-pushButton:focus-visible { outline: 2px solid ${p.text}; outline-offset: 2px; }
  `;
}
