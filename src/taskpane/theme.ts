/**
 * Which Fluent UI theme the task pane uses: webLightTheme, or webDarkTheme when Office runs
 * a dark theme. Outside Office (a browser, tests) there is no Office.context: light.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The parts of Office.OfficeTheme this module reads (isDarkTheme is missing on older hosts). */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of a #rgb / #rrggbb colour, or undefined. */
function luminance(colour: string | undefined): number | undefined {
  const hex = colour?.trim().replace(/^#/, "");
  if (!hex || !/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkOfficeTheme(theme: OfficeThemeLike | undefined | null): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}

/** Office's current theme, if this page runs inside an Office host that reports one. */
export function currentOfficeTheme(): OfficeThemeLike | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return Office.context?.officeTheme ?? undefined;
  } catch {
    // Office.context throws in some hosts before initialisation.
    return undefined;
  }
}

export function fluentThemeFor(theme: OfficeThemeLike | undefined | null): Theme {
  return isDarkOfficeTheme(theme) ? webDarkTheme : webLightTheme;
}
