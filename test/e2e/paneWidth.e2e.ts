/**
 * The task pane at the width of Excel's task pane (320 × 800 and 350 × 800), in the playground
 * (production build): no horizontal overflow, the tab list on one row, each tab's summary and
 * next action above the fold (measured from the pane's top: the playground's banner is not in
 * Excel), no rule/change/check id in the pane's visible text, the scenario comparison readable
 * (every figure's label visible next to its values), the same figure reading the same in two
 * places, axe clean, and the dark theme rendered. Screenshots at both widths; the first-render
 * and longest-task figures go to test/e2e/artifacts/pane-width.json (docs/benchmarks.md).
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { LABELLED_IDS } from "../../src/taskpane/shared/labels";
import {
  axeViolations,
  baseUrl,
  collectErrors,
  openBrowser,
  screenshot,
  type OpenBrowser,
} from "./support/browser";
import { ARTIFACTS } from "./support/build";

const SUITE = "pane-width";
const FOLD = 800;
const WIDTHS = [320, 350] as const;
// "pay-for-performance" and "pay-mix" are also ordinary English ("a pay-for-performance plan",
// "no pay-mix band set") in the pulse's sentences, so they are not taken for ids.
const ENGLISH = ["pay-for-performance", "pay-mix"];
const HYPHENATED_IDS = LABELLED_IDS.filter((id) => id.includes("-") && !ENGLISH.includes(id));

let browser: OpenBrowser;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: 350, height: FOLD } });
});

afterAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, "pane-width.json"), JSON.stringify(figures, null, 2));
  await browser?.close();
});

async function open(width: number, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: FOLD });
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const errors = collectErrors(page);
  await page.goto(`${baseUrl()}/taskpane.html${query}`);
  await page.getByRole("heading", { level: 1, name: "CompAlign" }).waitFor();
  return { page, errors };
}

/** The pane (the App's own FluentProvider), not the playground's banner or preview. */
const sections = (page: Page) => page.getByRole("tablist", { name: "CompAlign sections" });
const pane = (page: Page) => page.locator(".fui-FluentProvider:has(> header h1)");

async function paneTop(page: Page): Promise<number> {
  return (await pane(page).boundingBox())!.y;
}

/** Bottom of an element measured from the pane's top, in CSS px. */
async function bottomFromPane(page: Page, locator: Locator): Promise<number> {
  const box = (await locator.boundingBox())!;
  return box.y + box.height - (await paneTop(page));
}

async function expectLayout(page: Page, width: number) {
  // The pane is the document in Excel; in the playground it is the App's root (the banner and
  // the workbook preview around it are not in Excel).
  const overflow = await pane(page).evaluate((el) => {
    let widest = 0;
    // Content inside a region that scrolls or clips by design (a wide table in a keyboard-
    // scrollable region) counts by the region's box, not its content's.
    const clipped = (node: Element): boolean => {
      for (let a = node.parentElement; a && a !== el; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    let who = "";
    for (const child of el.querySelectorAll("*")) {
      const r = child.getBoundingClientRect();
      if (r.width > 0 && !clipped(child) && r.right > widest) {
        widest = r.right;
        who = `${child.tagName.toLowerCase()} "${(child.textContent ?? "").slice(0, 40)}"`;
      }
    }
    return { scroll: el.scrollWidth, client: el.clientWidth, widest, who };
  });
  // On failure the message names the widest element.
  expect({ scroll: overflow.scroll, who: overflow.who }).toEqual({
    scroll: Math.min(overflow.scroll, overflow.client),
    who: overflow.who,
  });
  expect(overflow.widest).toBeLessThanOrEqual(width + 0.5);
  const tops = await page
    .getByRole("tablist", { name: "CompAlign sections" })
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  expect(tops).toHaveLength(5);
  expect(new Set(tops).size).toBe(1);
  const rights = await page
    .getByRole("tablist", { name: "CompAlign sections" })
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().right));
  expect(Math.max(...rights)).toBeLessThanOrEqual(width);
}

async function expectNoIds(page: Page) {
  const text = await pane(page).innerText();
  const shown = HYPHENATED_IDS.filter((id) => new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(text));
  expect(shown).toEqual([]);
}

async function paneAxe(page: Page) {
  expect(await axeViolations(page, ".fui-FluentProvider:has(> header h1)")).toEqual([]);
}

describe.each(WIDTHS)("the pane at %i × 800", (width) => {
  it("Alignment: empty workbook → Set up workbook is the primary action, above the fold", async () => {
    const { page, errors } = await open(width, "?empty=1");
    await expectLayout(page, width);
    const summary = page.getByRole("region", { name: "Alignment summary" });
    await summary.getByRole("heading", { name: "Start by setting up the workbook" }).waitFor();
    const primary = pane(page).locator('[data-primary="true"]');
    expect(await primary.allInnerTexts()).toEqual(["Set up workbook"]);
    expect(await bottomFromPane(page, primary)).toBeLessThanOrEqual(FOLD);
    await screenshot(page, SUITE, `${width}-alignment-empty`);
    await paneAxe(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Alignment on the sample: summary (index) and actions above the fold; same index twice; no ids", async () => {
    const { page, errors } = await open(width);
    await page.getByRole("button", { name: "Check alignment" }).click();
    const summary = page.getByRole("region", { name: "Alignment summary" });
    const heading = summary.getByRole("heading", { name: /Design alignment index|Not valid/ });
    await heading.waitFor({ timeout: 30_000 });
    expect(await bottomFromPane(page, summary)).toBeLessThanOrEqual(FOLD);
    expect(
      await bottomFromPane(page, page.getByRole("button", { name: "Check alignment" }))
    ).toBeLessThanOrEqual(FOLD);
    const title = await heading.innerText();
    const meter = page.getByRole("meter");
    if (/index/.test(title)) {
      // The same figure in two places reads the same.
      const shown = /(\d\.\d\d)$/.exec(title)![1];
      expect(await meter.getAttribute("aria-valuetext")).toBe(shown);
    }
    await expectLayout(page, width);
    await expectNoIds(page);
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-alignment`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Scenarios: the comparison is readable at pane width, with its summary", async () => {
    const { page, errors } = await open(width);
    await sections(page).getByRole("tab", { name: "Scenarios" }).click();
    await page.getByRole("group", { name: "Scenarios to run" }).waitFor({ timeout: 30_000 });
    await expectLayout(page, width);
    expect(
      await bottomFromPane(page, page.getByRole("button", { name: "Run scenarios" }))
    ).toBeLessThanOrEqual(FOLD);
    const t0 = Date.now();
    await page.getByRole("button", { name: "Run scenarios" }).click();
    await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 90_000 });
    figures[`scenarioRunMs@${width}`] = Date.now() - t0;
    // The answer first: the headline deltas and the next action are visible without scrolling.
    const scenarioSummary = page.getByRole("region", { name: "Scenario summary" });
    await scenarioSummary.waitFor();
    expect(await bottomFromPane(page, scenarioSummary)).toBeLessThanOrEqual(FOLD);
    await screenshot(page, SUITE, `${width}-scenarios-summary`);
    const table = page.getByRole("table", { name: "Scenario comparison", exact: true });
    await table.scrollIntoViewIfNeeded();
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.children).map((c) => {
          const r = c.getBoundingClientRect();
          return { text: (c as HTMLElement).innerText, left: r.left, right: r.right };
        })
      )
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const cells of rows) {
      expect(cells).toHaveLength(3);
      for (const c of cells) {
        expect(c.text.trim()).not.toBe("");
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.right).toBeLessThanOrEqual(width);
      }
    }
    // Column headers take at most two lines.
    const headerLines = await table.locator("thead th span").evaluateAll((spans) =>
      spans.map((s) => {
        const style = getComputedStyle(s);
        return s.getBoundingClientRect().height / parseFloat(style.lineHeight);
      })
    );
    for (const lines of headerLines) expect(lines).toBeLessThanOrEqual(2.05);
    // The summary's Δ for the picked scenario reads as the table's.
    const delta = await table
      .locator("tbody tr", { hasText: "Δ vs Baseline" })
      .locator("td")
      .nth(1)
      .innerText();
    expect(await page.getByRole("region", { name: "Scenario summary" }).innerText()).toContain(
      delta
    );
    await page.getByRole("button", { name: "Open Scenario Comparison" }).waitFor();
    await expectLayout(page, width);
    await expectNoIds(page);
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-scenarios`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Pulse: Act/Watch summary above the fold after a run; checks worst first", async () => {
    const { page, errors } = await open(width);
    await sections(page).getByRole("tab", { name: "Pulse" }).click();
    const run = page.getByRole("button", { name: "Run pulse check" });
    await run.waitFor({ timeout: 30_000 });
    expect(await bottomFromPane(page, run)).toBeLessThanOrEqual(FOLD);
    await run.click();
    const summary = page.getByRole("region", { name: "Pulse summary" });
    await summary.waitFor({ timeout: 60_000 });
    expect(await bottomFromPane(page, summary)).toBeLessThanOrEqual(FOLD);
    const statuses = await page
      .getByRole("list", { name: /^Pulse checks/ })
      .locator("li[data-check]")
      .evaluateAll((lis) => lis.map((li) => li.querySelector(".fui-Badge")?.textContent ?? null));
    const rank = (s: string | null) => ({ Act: 3, Watch: 2 })[s ?? ""] ?? 0;
    const ranks = statuses.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await expectLayout(page, width);
    await expectNoIds(page);
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-pulse`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Functions and Communicate: on one row, no overflow; Functions finds “cap”", async () => {
    const { page, errors } = await open(width);
    await sections(page).getByRole("tab", { name: "Functions" }).click();
    const search = page.getByRole("searchbox", { name: "Search functions" });
    expect(await bottomFromPane(page, search)).toBeLessThanOrEqual(FOLD);
    await search.fill("cap");
    await page.getByRole("listitem", { name: "COMP.CURVE" }).waitFor();
    // Examples wrap only between arguments: no piece is split over two lines, unless the piece
    // alone is wider than the example's box (it then wraps inside it, never past the pane).
    const splitPieces = () =>
      page.locator("code[data-formula] > span").evaluateAll((spans) =>
        spans
          .filter((s) => {
            const code = s.parentElement!;
            const line = parseFloat(getComputedStyle(code).lineHeight);
            const r = s.getBoundingClientRect();
            return r.height > line * 1.5 && r.width < code.clientWidth - 1;
          })
          .map((s) => s.textContent)
      );
    expect(await splitPieces()).toEqual([]);
    await expectLayout(page, width);
    // Every function listed (no search): still no overflow, no piece split.
    await search.fill("");
    await page.getByRole("listitem", { name: "COMP.COMMISSION" }).waitFor();
    expect(await splitPieces()).toEqual([]);
    await expectLayout(page, width);
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-functions`);

    await sections(page).getByRole("tab", { name: "Communicate" }).click();
    await page.getByRole("button", { name: "Write plan pages" }).waitFor({ timeout: 30_000 });
    await expectLayout(page, width);
    await expectNoIds(page);
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-communicate`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Scenarios on an empty workbook: Set up workbook, the Alignment tab's action, is the one primary action above the fold", async () => {
    const { page, errors } = await open(width, "?empty=1");
    await sections(page).getByRole("tab", { name: "Scenarios" }).click();
    const panel = page.getByRole("region", { name: "Plan scenarios" });
    await panel.getByRole("group", { name: "No Matrix sheet" }).waitFor({ timeout: 30_000 });
    const primary = panel.locator('[data-primary="true"]');
    expect(await primary.allInnerTexts()).toEqual(["Set up workbook"]);
    expect(await bottomFromPane(page, primary)).toBeLessThanOrEqual(FOLD);
    await expectLayout(page, width);
    await expectNoIds(page);
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-scenarios-empty`);
    // The same action as on the Alignment tab: the starter sheets, then Run is the next step.
    await primary.click();
    await panel.getByRole("group", { name: "Workbook set up" }).waitFor({ timeout: 30_000 });
    await panel.getByRole("group", { name: "Scenarios to run" }).waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-primary="true"]').allInnerTexts()).toEqual(["Run scenarios"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Communicate: the summary (plans ready to share) and the actions above the fold; it agrees with every plan's page", async () => {
    const { page, errors } = await open(width);
    await sections(page).getByRole("tab", { name: "Communicate" }).click();
    const summary = page.getByRole("region", { name: "Communicate summary" });
    await summary.waitFor({ timeout: 30_000 });
    expect(await bottomFromPane(page, summary)).toBeLessThanOrEqual(FOLD);
    const write = page.getByRole("button", { name: "Write plan pages" });
    expect(await bottomFromPane(page, write)).toBeLessThanOrEqual(FOLD);
    expect(
      await bottomFromPane(page, page.getByRole("combobox", { name: "Plan" }))
    ).toBeLessThanOrEqual(FOLD);
    await expectLayout(page, width);
    await expectNoIds(page);
    await paneAxe(page);
    // "N of M plans ready to share", and each plan's page shows a warning exactly when the
    // summary lists it under "Needs work first".
    const title = await summary.getByRole("heading").innerText();
    const [, ready, total] = /^(\d+) of (\d+) plans ready to share$/.exec(title)!;
    const plans = await page
      .getByRole("combobox", { name: "Plan" })
      .locator("option")
      .allInnerTexts();
    expect(plans).toHaveLength(Number(total));
    const needsWork = /Needs work first: (.*) \(see/.exec(await summary.innerText())?.[1] ?? "";
    let warned = 0;
    for (const plan of plans) {
      await page.getByRole("combobox", { name: "Plan" }).selectOption(plan);
      const page_ = page.getByRole("article", { name: new RegExp(plan) });
      await page_.waitFor();
      const warning = await page_
        .getByText(/Before you share this page|Breaks the five-minute rule/)
        .count();
      expect([plan, warning > 0]).toEqual([plan, needsWork.includes(plan)]);
      if (warning > 0) warned++;
    }
    expect(plans.length - warned).toBe(Number(ready));
    await screenshot(page, SUITE, `${width}-communicate-summary`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("dark theme: the switch renders the pane dark; first render and longest task recorded", async () => {
    const { page, errors } = await open(width);
    await page.waitForFunction(
      () => performance.getEntriesByName("compalign:first-render").length > 0
    );
    figures[`firstRenderMs@${width}`] = await page.evaluate(() =>
      Number(performance.getEntriesByName("compalign:first-render")[0].startTime.toFixed(1))
    );
    await page.getByRole("switch", { name: "Dark theme" }).check();
    const background = await pane(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(60);
    await page.getByRole("button", { name: "Check alignment" }).click();
    await page.getByRole("region", { name: "Alignment summary" }).getByRole("heading").waitFor();
    await page.getByRole("meter").waitFor({ timeout: 30_000 });
    // Bar tracks are not pure black.
    const track = await page
      .locator('[role="img"] > span:nth-child(2)')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(track).not.toBe("rgb(0, 0, 0)");
    await paneAxe(page);
    await screenshot(page, SUITE, `${width}-dark`);
    // Every other tab renders dark too: the pane's background stays dark, axe (contrast) clean.
    const shown: [string, Locator][] = [
      ["Scenarios", page.getByRole("button", { name: "Run scenarios" })],
      ["Pulse", page.getByRole("button", { name: "Run pulse check" })],
      ["Communicate", page.getByRole("button", { name: "Read plans" })],
      ["Functions", page.getByRole("searchbox", { name: "Search functions" })],
    ];
    for (const [name, ready] of shown) {
      await sections(page).getByRole("tab", { name }).click();
      await ready.waitFor({ timeout: 30_000 });
      const bg = await pane(page).evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r2, g2, b2] = (bg.match(/\d+/g) ?? []).map(Number);
      expect([name, (r2 + g2 + b2) / 3 < 60]).toEqual([name, true]);
      await expectLayout(page, width);
      await paneAxe(page);
      await screenshot(page, SUITE, `${width}-dark-${name.toLowerCase()}`);
    }
    figures[`longestTaskMs@${width}`] = await page.evaluate(
      () => (window as unknown as { __longest: number }).__longest
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
