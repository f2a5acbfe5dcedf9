/**
 * Chromium for the end-to-end suites: Debian's /usr/bin/chromium through playwright-core with
 * the toolchain's flags and a fresh user-data-dir, every request that does not go to the local
 * server blocked (office.js from Microsoft's CDN is answered with the local copy from
 * @microsoft/office-js, or with an empty script where a suite brings its own Office), page
 * errors and console errors collected, and screenshots saved under test/e2e/artifacts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ARTIFACTS, ROOT } from "./build";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";

export const SCREENSHOTS = join(ARTIFACTS, "screenshots");
const OFFICE_JS_DIR = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** Where globalSetup serves the built task pane. */
export function baseUrl(): string {
  const url = process.env.COMPALIGN_E2E_URL;
  if (!url) throw new Error("COMPALIGN_E2E_URL is not set: run through npm run test:e2e");
  return url;
}

export interface OpenBrowser {
  context: BrowserContext;
  /** Requests that were blocked (not to the local server). */
  blocked: string[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  /** "local": office.js from node_modules (Office.onReady resolves with no host); "empty": none. */
  officeJs?: "local" | "empty";
  viewport?: { width: number; height: number };
}

export async function openBrowser({
  officeJs = "local",
  viewport = { width: 1400, height: 900 },
}: BrowserOptions = {}): Promise<OpenBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "compalign-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    acceptDownloads: true,
    // Keyboard focus rings look as they do for a keyboard user.
    reducedMotion: "reduce",
  });
  const local = new URL(baseUrl());
  const blocked: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.host === local.host || url.protocol === "data:" || url.protocol === "blob:") {
      return route.continue();
    }
    const file = url.pathname.split("/").pop() ?? "";
    if (
      url.hostname === "appsforoffice.microsoft.com" &&
      (file === "office.js" || file === "o15apptofilemappingtable.js")
    ) {
      return route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: officeJs === "local" ? readFileSync(join(OFFICE_JS_DIR, file), "utf8") : "",
      });
    }
    blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  return {
    context,
    blocked,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Page errors and console errors, to assert none happened. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

let shot = 0;

/** Saves a full-page screenshot as test/e2e/artifacts/screenshots/<suite>-NN-<step>.png. */
export async function screenshot(page: Page, suite: string, step: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${suite}-${String(++shot).padStart(2, "0")}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Presses Tab (only the keyboard) until the focused element's accessible name matches, and
 * checks it shows a visible focus indicator. Fails after `max` presses.
 */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await focusedName(page);
    if (focused !== null && name.test(focused)) {
      await expectVisibleFocus(page);
      return focused;
    }
    seen.push(focused ?? "(body)");
  }
  throw new Error(
    `no element named ${name} reached with ${max} presses of Tab; focus went to: ${[...new Set(seen)].join(" | ")}`
  );
}

/** The accessible name of the focused element, as Chromium's accessibility tree has it. */
export async function focusedName(page: Page): Promise<string | null> {
  const isBody = await page.evaluate(
    () => !document.activeElement || document.activeElement === document.body
  );
  if (isBody) return null;
  const snapshot = await page.locator("*:focus").first().ariaSnapshot();
  // The first line is "- role \"name\"", YAML-quoted when it holds characters YAML reserves.
  let first = (snapshot.split("\n")[0] ?? "").replace(/^- /, "").replace(/:$/, "");
  if (first.startsWith("'") && first.endsWith("'")) first = first.slice(1, -1).replace(/''/g, "'");
  const match = /^[\w-]+(?: "((?:[^"\\]|\\.)*)")?/.exec(first);
  return match ? (match[1] ?? "").replace(/\\"/g, '"') : "";
}

/**
 * Tabs through the whole page once (from the top), and lists every stop that has no accessible
 * name or shows no visible focus indicator. Returns the names reached, in order, and the problems.
 */
export async function focusSweep(
  page: Page,
  max = 200
): Promise<{ stops: string[]; problems: string[] }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  const problems: string[] = [];
  let first: string | null = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (!el.dataset.sweep) el.dataset.sweep = String(Math.random());
      return el.dataset.sweep;
    });
    if (id === null) {
      if (stops.length > 0) break;
      continue;
    }
    if (id === first) break;
    first ??= id;
    const name = (await focusedName(page)) ?? "";
    stops.push(name);
    if (name.trim() === "") {
      const html = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
      problems.push(`no accessible name: ${html}`);
    }
    try {
      await expectVisibleFocus(page);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { stops, problems };
}

/**
 * The focused element shows a focus indicator: Fluent's keyboard focus ring or :focus-visible
 * drawn on the element itself, or, failing that, the pixels around it change when it loses
 * focus (Fluent's inputs draw the indicator on their wrapper).
 */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const drawnOnElement = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const fluentRing = el.hasAttribute("data-fui-focus-visible");
    const own = el.matches(":focus-visible");
    const style = getComputedStyle(el);
    const after = getComputedStyle(el, "::after");
    const drawn =
      (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== "none" ||
      (after.content !== "none" && after.borderStyle !== "none") ||
      (after.content !== "none" && after.outlineStyle !== "none");
    return (fluentRing || own) && drawn;
  });
  if (drawnOnElement || (await focusChangesPixels(page))) return;
  const what = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`the focused element shows no visible focus indicator: ${what}`);
}

/** Whether the area around the focused element looks different once it loses focus. */
async function focusChangesPixels(page: Page): Promise<boolean> {
  const clip = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const x = Math.max(0, r.left - 6);
    const y = Math.max(0, r.top - 6);
    const width = Math.min(window.innerWidth - x, r.width + 12);
    const height = Math.min(window.innerHeight - y, r.height + 12);
    return width > 0 && height > 0 ? { x, y, width, height } : null;
  });
  if (!clip) return false;
  const focused = await page.screenshot({ clip, animations: "disabled" });
  await page.evaluate(() => {
    const w = window as unknown as { __refocus?: HTMLElement | null };
    w.__refocus = document.activeElement as HTMLElement | null;
    w.__refocus?.blur();
  });
  const blurred = await page.screenshot({ clip, animations: "disabled" });
  await page.evaluate(() => (window as unknown as { __refocus?: HTMLElement }).__refocus?.focus());
  return !focused.equals(blurred);
}

/** Runs axe-core (jest-axe's) in the page; returns the violations, readable. */
export async function axeViolations(page: Page, context = "body"): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!loaded) {
    await page.addScriptTag({
      // jest-axe's own axe-core (the top-level one is an older copy another package brings).
      content: readFileSync(
        require.resolve("axe-core/axe.min.js", { paths: [dirname(require.resolve("jest-axe"))] }),
        "utf8"
      ),
    });
  }
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    // Tabster's focus sentinels (Fluent's keyboard navigation) are aria-hidden by design and
    // hand focus on at once; axe reads them as hidden focusable content.
    const result = (await axe.run(
      { include: [[selector]], exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] }
    )) as {
      violations: {
        id: string;
        help: string;
        nodes: { target: string[]; html: string; failureSummary?: string }[];
      }[];
    };
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => `${n.html.slice(0, 160)} ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`)
          .join("; ")})`
    );
  }, context);
  return violations;
}
