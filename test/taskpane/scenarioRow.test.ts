import "./structuredClone";
import { loadScenarioRun } from "../../src/actions/runScenarios";
import { CHANGE_TYPES } from "../../src/engine/scenarioChanges";
import { prepareRun, type PreparedRun } from "../../src/engine/scenarioRunner";
import { SAMPLE_METRICS, SAMPLE_PLANS, sampleSheets } from "../../src/reports/sampleWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { listingOf, type ScenarioListing } from "../../src/taskpane/scenarios/listing";
import {
  EMPTY_DRAFT,
  parseValue,
  validateDraft,
  type ScenarioDraft,
} from "../../src/taskpane/scenarios/scenarioRow";

let prepared: PreparedRun;
let listing: ScenarioListing;

beforeAll(async () => {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) await book.createSheet(spec);
  prepared = await loadScenarioRun(book);
  listing = listingOf(prepared);
});

/** Does the engine accept a scenario made of this one row, as the sheet would hold it? */
function engineAccepts(draft: ScenarioDraft): boolean {
  const value = parseValue(draft.value);
  const run = prepareRun(prepared.design, prepared.reps, [
    {
      name: draft.scenario,
      changes: [
        {
          change: draft.change,
          plan: draft.plan,
          metric: draft.metric,
          to: draft.to,
          value,
          segment: draft.segment,
          row: 2,
        },
      ],
    },
  ]);
  return run.invalidScenarios.length === 0;
}

describe("parseValue", () => {
  it.each([
    ["0.2", 0.2],
    ["20%", 0.2],
    [" 1.1 ", 1.1],
    [".5", 0.5],
    ["1e-1", 0.1],
    ["", null],
    ["  ", null],
  ])("%j → %p", (text, expected) => expect(parseValue(text)).toBe(expected));

  it.each(["abc", "1,5", "20 %%", "%", "0x10", "1.2.3"])("%j is not a number", (text) =>
    expect(parseValue(text)).toBeNaN()
  );
});

describe("validateDraft", () => {
  const base = { ...EMPTY_DRAFT, scenario: "Test" };

  it("builds the row, blank where the change does not use a field", () => {
    expect(
      validateDraft(
        {
          ...base,
          change: "scale-ti",
          plan: SAMPLE_PLANS.enterprise,
          metric: SAMPLE_METRICS.core,
          to: "x",
          value: "105%",
          segment: "Enterprise",
        },
        listing
      )
    ).toEqual({
      row: {
        Scenario: "Test",
        Change: "scale-ti",
        Plan: SAMPLE_PLANS.enterprise,
        Metric: null,
        To: null,
        Value: 1.05,
        Segment: "Enterprise",
      },
      errors: null,
    });
  });

  it("needs a name other than Baseline, and a change", () => {
    const { errors } = validateDraft({ ...EMPTY_DRAFT, scenario: " baseline " }, listing);
    expect(errors).toEqual({
      scenario: expect.stringContaining("always runs first"),
      change: "Pick a change.",
    });
    expect(validateDraft(EMPTY_DRAFT, listing).errors?.scenario).toBe("Scenario name is required.");
  });

  it("says which field each change needs", () => {
    const errorsOf = (draft: Partial<ScenarioDraft>) =>
      validateDraft({ ...base, ...draft }, listing).errors;
    expect(errorsOf({ change: "shift-weight" })).toEqual({
      metric: "Metric is required for “Shift weight between metrics”.",
      to: "To is required for “Shift weight between metrics”: the metric that receives the weight.",
      value:
        "Value is required for “Shift weight between metrics”: the share of target incentive, for example 20% or 0.2.",
    });
    expect(errorsOf({ change: "set-curve" })).toEqual({
      metric: "Metric is required for “Change a metric's curve”.",
      to: "To is required for “Change a metric's curve”: the curve to pay on.",
    });
    expect(errorsOf({ change: "scale-quota", value: "0" })).toEqual({
      value: "Value must be greater than 0 (it is 0).",
    });
    expect(errorsOf({ change: "scale-actual", value: "0" })).toBeNull();
  });

  it("moving more weight than a new scenario's plan has is caught before the row is written", () => {
    const draft = {
      ...base,
      change: "shift-weight" as const,
      plan: SAMPLE_PLANS.inside,
      metric: SAMPLE_METRICS.core,
      to: SAMPLE_METRICS.multi,
    };
    expect(validateDraft({ ...draft, value: "60%" }, listing).errors).toEqual({
      value: `Cannot move 60% from ${SAMPLE_METRICS.core} in ${SAMPLE_PLANS.inside}, which has 50%.`,
    });
    expect(engineAccepts({ ...draft, value: "60%" })).toBe(false);
    expect(validateDraft({ ...draft, value: "50%" }, listing).errors).toBeNull();
  });

  // The same checks as the engine: over a grid of rows, every row the form accepts is one the
  // engine accepts, and the form refuses an engine-valid row only where it is knowingly stricter.
  it("agrees with the engine on a grid of single-row scenarios", () => {
    const plans = ["", SAMPLE_PLANS.enterprise, SAMPLE_PLANS.midMarket, "Nope"];
    const metrics = ["", SAMPLE_METRICS.core, SAMPLE_METRICS.multi, SAMPLE_METRICS.profit];
    const tos = ["", SAMPLE_METRICS.core, SAMPLE_METRICS.multi, "Cloud Accelerated"];
    const values = ["", "0", "0.1", "1", "1.5", "-1", "abc"];
    const stricter: string[] = [];
    let accepted = 0;
    for (const change of CHANGE_TYPES)
      for (const plan of plans)
        for (const metric of metrics)
          for (const to of tos)
            for (const value of values) {
              const draft: ScenarioDraft = {
                scenario: "Test",
                change,
                plan,
                metric,
                to,
                value,
                segment: "",
              };
              const form = validateDraft(draft, listing).errors === null;
              const engine = engineAccepts(draft);
              if (form) {
                accepted++;
                expect({ draft, engine }).toEqual({ draft, engine: true });
              } else if (engine) stricter.push(`${change}|${plan}|${metric}|${to}`);
            }
    expect(accepted).toBeGreaterThan(50);
    // Where the form is stricter: moving weight from a metric to itself (a no-op the engine
    // allows), and scaling quotas/actuals of a metric the named plan does not have (the engine
    // scales nothing there).
    for (const key of new Set(stricter)) {
      const [change, plan, metric, to] = key.split("|");
      const selfShift = change === "shift-weight" && metric === to;
      const notInPlan =
        (change === "scale-quota" || change === "scale-actual") &&
        plan !== "" &&
        !listing.metricsByPlan.get(plan)?.includes(metric);
      expect({ key, explained: selfShift || notInPlan }).toEqual({ key, explained: true });
    }
  });
});
