/**
 * The pane at 320 × 800 on workbooks a user really has: plan and scenario names of 60+
 * characters without a space (every tab after its main action, the scenario pickers and the
 * add-a-change form: nothing wider than the pane), a Reps sheet of 0 rows and a plan with errors
 * (a plain message saying what to change, nothing written, no page error).
 */
import type { Page } from "playwright-core";
import {
  axeViolations,
  baseUrl,
  collectErrors,
  focusSweep,
  openBrowser,
  screenshot,
  type OpenBrowser,
} from "./support/browser";

const SUITE = "pane-states";
const WIDTH = 320;
const LONG_PLAN = "EnterpriseAccountExecutiveNorthAmericaStrategicAccountsFY2027Plan";
const LONG_SCENARIO = "ShiftTwentyPercentToMultiProductDealsForEnterpriseAndInsideSalesFY27";

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: WIDTH, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
});

const pane = (page: Page) => page.locator(".fui-FluentProvider:has(> header h1)");

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 800 });
  const errors = collectErrors(page);
  await page.goto(`${baseUrl()}/taskpane.html`);
  await page.getByRole("heading", { level: 1, name: "CompAlign" }).waitFor();
  await page.waitForFunction(() => window.__compalign !== undefined);
  return { page, errors };
}

/** The widest element of the pane that is not inside a region scrolling by design. */
async function overflow(page: Page) {
  return pane(page).evaluate((el) => {
    const clipped = (node: Element): boolean => {
      for (let a = node.parentElement; a && a !== el; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    let widest = 0;
    let who = "";
    for (const child of el.querySelectorAll("*")) {
      const r = child.getBoundingClientRect();
      if (r.width > 0 && !clipped(child) && r.right > widest) {
        widest = r.right;
        who = `${child.tagName.toLowerCase()} "${(child.textContent ?? "").slice(0, 50)}"`;
      }
    }
    const over = [...el.querySelectorAll("*")]
      .filter((c) => c.getBoundingClientRect().right > el.clientWidth + 1 && !clipped(c))
      .slice(0, 6)
      .map((c) => {
        const chain: string[] = [];
        for (let a: Element | null = c; a && a !== el && chain.length < 6; a = a.parentElement)
          chain.push(
            `${a.tagName.toLowerCase()}.${[...a.classList].filter((k) => k.startsWith("fui-")).join(".")}[${getComputedStyle(a).whiteSpace}]`
          );
        return chain.join(" < ");
      });
    return {
      scroll: el.scrollWidth,
      client: el.clientWidth,
      widest: Math.round(widest),
      who,
      over,
    };
  });
}

const tab = (page: Page, name: string) =>
  page.getByRole("tablist", { name: "CompAlign sections" }).getByRole("tab", { name });

/** Nothing in the pane wider than the pane (the offenders named on failure). */
async function expectFits(page: Page, step: string) {
  const o = await overflow(page);
  expect({ step, scroll: o.scroll, over: o.over }).toEqual({
    step,
    scroll: Math.min(o.scroll, o.client),
    over: [],
  });
  expect(o.widest).toBeLessThanOrEqual(WIDTH + 0.5);
}

async function expectKeyboardAndAxe(page: Page, step: string) {
  const sweep = await focusSweep(page, 400);
  expect({ step, problems: sweep.problems }).toEqual({ step, problems: [] });
  expect({ step, axe: await axeViolations(page, ".fui-FluentProvider:has(> header h1)") }).toEqual({
    step,
    axe: [],
  });
}

function fill(page: Page, cells: [string, unknown][]) {
  return page.evaluate((list) => {
    for (const [a, v] of list) window.__compalign!.setCell(a, v as never);
  }, cells);
}

const message = (page: Page, name: string | RegExp) =>
  pane(page).getByRole("group", { name }).first();

it("plan and scenario names of 60+ characters without a space: every tab fits 320 px after its main action", async () => {
  const { page, errors } = await open();
  const cells: [string, unknown][] = [];
  for (const r of [2, 3, 4]) cells.push([`Matrix!A${r}`, LONG_PLAN]);
  const reps = await page.evaluate(() => window.__compalign!.snapshot("Reps").values);
  reps.forEach((row, i) => {
    if (i > 0 && row[1] === "Enterprise AE") cells.push([`Reps!B${i + 1}`, LONG_PLAN]);
  });
  cells.push(
    ["Scenarios!C2", LONG_PLAN],
    ["Scenarios!A2", LONG_SCENARIO],
    ["Scenarios!A3", LONG_SCENARIO]
  );
  await fill(page, cells);

  await page.getByRole("button", { name: "Check alignment" }).click();
  await pane(page)
    .getByText(`${LONG_PLAN} pays most for a lower priority`)
    .waitFor({ timeout: 30_000 });
  await expectFits(page, "alignment");
  await screenshot(page, SUITE, "long-alignment");

  await tab(page, "Scenarios").click();
  await page.getByRole("button", { name: "Run scenarios" }).click();
  await page.getByRole("heading", { name: "Results" }).waitFor({ timeout: 90_000 });
  await pane(page)
    .getByRole("combobox", { name: "Compare with Baseline" })
    .selectOption(LONG_SCENARIO);
  await expectFits(page, "scenarios");
  await page.getByRole("button", { name: "Add a change to the Scenarios sheet" }).click();
  await page.getByRole("combobox", { name: "Plan" }).click();
  await page.getByRole("option", { name: LONG_PLAN }).click();
  await expectFits(page, "scenarios form");
  await screenshot(page, SUITE, "long-scenarios");
  await page.keyboard.press("Escape");
  // With results and the form open: every keyboard stop named, focus visible, axe clean.
  await expectKeyboardAndAxe(page, "scenarios");
  // The dropdown's portal must not cover the tabs (it did: the pane's 100vh went onto it).
  await tab(page, "Communicate").click();
  await pane(page)
    .getByRole("article", { name: new RegExp(LONG_PLAN) })
    .waitFor({ timeout: 30_000 });
  await expectFits(page, "communicate");
  await screenshot(page, SUITE, "long-communicate");

  await tab(page, "Pulse").click();
  await page.getByRole("button", { name: "Run pulse check" }).click();
  await page.getByRole("region", { name: "Pulse summary" }).waitFor({ timeout: 60_000 });
  await expectFits(page, "pulse");
  await screenshot(page, SUITE, "long-pulse");
  await expectKeyboardAndAxe(page, "pulse");
  expect(errors).toEqual([]);
  await page.close();
});

it("a Reps sheet of 0 rows: Scenarios and Pulse say to add reps, not to try again", async () => {
  const { page, errors } = await open();
  const cells: [string, unknown][] = [];
  for (let r = 2; r <= 361; r++)
    for (const c of "ABCDEFGHIJKLMNOP") cells.push([`Reps!${c}${r}`, null]);
  await fill(page, cells);

  await tab(page, "Scenarios").click();
  await pane(page).getByText("The Reps sheet has no reps yet").waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Run scenarios" }).click();
  const scenarios = message(page, "Could not run the scenarios");
  await scenarios.waitFor({ timeout: 30_000 });
  expect(await scenarios.innerText()).toMatch(/Add your reps to the Reps sheet/);
  expect(await scenarios.innerText()).not.toMatch(/Try again/);
  await expectFits(page, "scenarios");
  await screenshot(page, SUITE, "noreps-scenarios");

  await tab(page, "Pulse").click();
  await page.getByRole("button", { name: "Run pulse check" }).click();
  const pulse = message(page, "Could not run the pulse check");
  await pulse.waitFor({ timeout: 30_000 });
  expect(await pulse.innerText()).toMatch(/Add your reps to the Reps sheet/);
  expect(await pulse.innerText()).not.toMatch(/Try again/);
  await expectFits(page, "pulse");
  expect(await page.evaluate(() => window.__compalign!.ownedSheets())).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it("a plan with errors: Pulse lists them and says to fix them, as Scenarios and Communicate do", async () => {
  const { page, errors } = await open();
  await fill(page, [
    ["Matrix!E2", "lots"],
    ["Matrix!F5", "No Such Curve"],
  ]);
  await tab(page, "Pulse").click();
  await page.getByRole("button", { name: "Run pulse check" }).click();
  const pulse = message(page, /^The plan has 3 errors: no pulse check until they are fixed$/);
  await pulse.waitFor({ timeout: 30_000 });
  expect(await pulse.innerText()).toContain("(Matrix!F5)");
  expect(await pulse.innerText()).not.toMatch(/Try again/);
  await expectFits(page, "pulse");
  await screenshot(page, SUITE, "errors-pulse");
  expect(await page.evaluate(() => window.__compalign!.ownedSheets())).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
