/**
 * `compalign pulse` and `compalign explain` through the real bin/compalign.js on the starter
 * workbook: the JSON contracts (stable check ids in order, exactly the contract's keys), the tabs
 * written by --out with every original sheet unchanged, and the input never modified.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { compalign } from "./compiledCli";
import { sha, starterPlan, tempFolder } from "./helpers";

const { path } = tempFolder("compalign-pulse-", starterPlan);

const CHECK_IDS = [
  "share-at-quota",
  "pay-for-performance",
  "leverage-p90",
  "leverage-p10",
  "payout-to-target",
  "cost-of-sales",
  "concentration",
  "threshold-reach",
  "excellence-reach",
  "capped-reps",
  "alignment-drift",
  "pay-for-outcomes",
  "pay-mix",
  "priority-payout",
];

test("pulse --json: the company's checks and each plan's, stable ids in order, exactly the contract's keys", () => {
  const before = sha(path("plan.xlsx"));
  const run = compalign("pulse", path("plan.xlsx"), "--json");
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(Object.keys(json)).toEqual(["checks", "plans"]);
  expect(json.checks.map((c: { id: string }) => c.id)).toEqual(CHECK_IDS);
  const keys = ["id", "status", "value", "band", "message"];
  for (const check of json.checks) {
    expect(Object.keys(check)).toEqual(keys);
    expect(check.message.length).toBeGreaterThan(10);
  }
  expect(json.plans.map((p: { plan: string; reps: number }) => [p.plan, p.reps])).toEqual([
    ["Account Executive", 5],
    ["Inside Sales", 3],
  ]);
  for (const plan of json.plans) {
    expect(Object.keys(plan)).toEqual(["plan", "reps", "checks"]);
    expect(plan.checks.map((c: { id: string }) => c.id)).toEqual(CHECK_IDS);
    for (const check of plan.checks) expect(Object.keys(check)).toEqual(keys);
  }
  // The starter has 8 reps (5 + 3): too few to judge any statistic, but the value is shown:
  // 5 of 8 at or above quota on weighted attainment, 3 of 5 on Account Executive.
  const status = (checks: { id: string; status: string }[], id: string) =>
    checks.find((c) => c.id === id)!.status;
  expect(json.checks[0]).toMatchObject({ status: "Too few reps", value: 5 / 8 });
  expect(json.plans[0].checks[0]).toMatchObject({ status: "Too few reps", value: 3 / 5 });
  expect(json.plans[0].checks[0].message).toMatch(
    /Account Executive has 5 computed reps, fewer than the 10/
  );
  // No plan values and no pay-mix band in the starter: nothing compared, never OK.
  for (const id of ["payout-to-target", "cost-of-sales", "pay-mix"]) {
    expect(status(json.checks, id)).toBe("Not set");
    for (const plan of json.plans) expect(status(plan.checks, id)).toBe("Not set");
  }
  expect(json.checks.some((c: { status: string }) => c.status === "OK")).toBe(false);
  expect(sha(path("plan.xlsx"))).toBe(before);
});

test("pulse --out and explain --out add their tabs and leave every original sheet as it was", async () => {
  expect(compalign("pulse", path("plan.xlsx"), "--out", path("pulse.xlsx")).status).toBe(0);
  expect(compalign("explain", path("pulse.xlsx"), "--out", path("pages.xlsx")).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path("pages.xlsx"));
  const names = wb.worksheets.map((w) => w.name);
  expect(names.slice(0, 5)).toEqual(["Objectives", "Matrix", "Curves", "Reps", "Scenarios"]);
  expect(names.some((n) => n.startsWith("Pulse Check "))).toBe(true);
  expect(names).toEqual(
    expect.arrayContaining(["Plan - Account Executive", "Plan - Inside Sales"])
  );
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(path("plan.xlsx"));
  for (const sheet of original.worksheets) {
    const copy = wb.getWorksheet(sheet.name)!;
    sheet.eachRow((row, r) => expect(copy.getRow(r).values).toEqual(row.values));
  }
});

test("explain --json: one entry per plan with earnings at 50–150% and how to earn more", () => {
  const run = compalign("explain", path("plan.xlsx"), "--json");
  expect(run.status).toBe(0);
  const { plans } = JSON.parse(run.stdout);
  expect(plans.map((p: { plan: string }) => p.plan)).toEqual(["Account Executive", "Inside Sales"]);
  const ae = plans[0];
  expect(ae.earnings.map((e: { attainment: number }) => e.attainment)).toEqual([
    0.5, 0.75, 1, 1.25, 1.5,
  ]);
  // Median TI of the 5 AE reps (60k, 60k, 50k, 50k, 50k) is 50,000; at 100% on every metric the
  // plan pays exactly its target incentive.
  expect(ae.medianTargetIncentive).toBe(50000);
  expect(ae.earnings[2].earnings).toBeCloseTo(50000, 6);
  expect(ae.howToEarnMore.metric).toEqual(expect.any(String));
  expect(ae.complexity).toEqual(expect.objectContaining({ metrics: 3, warning: null }));
});

test("exit 2 with one line for a file without a Matrix sheet", () => {
  for (const command of ["pulse", "explain"]) {
    const run = compalign(
      command,
      join(__dirname, "..", "..", "examples", "commission-plan.xlsx"),
      "--json"
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/no Matrix sheet/);
  }
});
