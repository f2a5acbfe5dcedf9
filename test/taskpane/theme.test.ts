import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { currentOfficeTheme, fluentThemeFor, isDarkOfficeTheme } from "../../src/taskpane/theme";

describe("task pane theme", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("is light outside Office", () => {
    expect(currentOfficeTheme()).toBeUndefined();
    expect(fluentThemeFor(currentOfficeTheme())).toBe(webLightTheme);
  });

  it("follows Office's isDarkTheme when the host reports it", () => {
    expect(fluentThemeFor({ isDarkTheme: true })).toBe(webDarkTheme);
    expect(fluentThemeFor({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(
      webLightTheme
    );
  });

  it("falls back to the body background colour on hosts without isDarkTheme", () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#333" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#e6e6e6" })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "not a colour" })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme(null)).toBe(false);
  });

  it("reads Office.context.officeTheme when present", () => {
    (globalThis as { Office?: unknown }).Office = {
      context: { officeTheme: { isDarkTheme: true } },
    };
    expect(fluentThemeFor(currentOfficeTheme())).toBe(webDarkTheme);
  });

  it("survives an Office global without a context, or one that throws", () => {
    (globalThis as { Office?: unknown }).Office = {};
    expect(currentOfficeTheme()).toBeUndefined();
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error("not initialised");
      },
    };
    expect(currentOfficeTheme()).toBeUndefined();
  });
});
