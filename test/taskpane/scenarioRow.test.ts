import "./structuredClone";
import { loadScenarioRun } from "../../src/actions/runScenarios";
import { CHANGE_KINDS, type ChangeKind } from "../../src/engine/changeKinds";
import { CHANGE_TYPES } from "../../src/engine/scenarioChanges";
import { prepareRun, type PreparedRun } from "../../src/engine/scenarioRunner";
import { SAMPLE_METRICS, SAMPLE_PLANS, sampleSheets } from "../../src/reports/sampleWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { listingOf, type ScenarioListing } from "../../src/taskpane/scenarios/listing";
import {
  CHANGE_CHOICES,
  EMPTY_DRAFT,
  parseValue,
  validateDraft,
  type ScenarioDraft,
} from "../../src/taskpane/scenarios/scenarioRow";
import { CHANGE_LABELS } from "../../src/taskpane/shared/labels";

let prepared: PreparedRun;
let listing: ScenarioListing;

beforeAll(async () => {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) await book.createSheet(spec);
  prepared = await loadScenarioRun(book);
  listing = listingOf(prepared);
});

/** The engine's reason for a scenario made of this one row, as the sheet would hold it; null when it runs. */
function engineReason(draft: ScenarioDraft): string | null {
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
  return run.invalidScenarios[0]?.reason ?? null;
}

/** Does the engine accept a scenario made of this one row, as the sheet would hold it? */
const engineAccepts = (draft: ScenarioDraft): boolean => engineReason(draft) === null;

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

// The change-kind table (src/engine/changeKinds.ts), kind by kind: the form offers each kind, and
// the engine and the form enforce the same Value range, the table's.
describe("every kind of the change-kind table", () => {
  /** A row of this kind that is valid apart from its Value (sample plan, metrics and curve). */
  function draftOf(kind: ChangeKind, value: number | null): ScenarioDraft {
    return {
      scenario: "Probe",
      change: kind.id as ScenarioDraft["change"],
      plan: SAMPLE_PLANS.enterprise,
      metric: kind.metric === "unused" ? "" : SAMPLE_METRICS.core,
      to:
        kind.to === "metric"
          ? SAMPLE_METRICS.multi
          : kind.to === "curve"
            ? "Cloud Accelerated"
            : "",
      value: value === null ? "" : String(value),
      segment: "",
    };
  }

  const formValueError = (draft: ScenarioDraft) =>
    validateDraft(draft, listing).errors?.value ?? null;

  /** Values around the ends of a range: below, at and above each finite end. */
  function probes(kind: ChangeKind): number[] {
    const { min, max } = kind.value!;
    return [
      min - 1,
      min - 0.001,
      min,
      min + 0.001,
      Number.isFinite(max) ? max : 1e6,
      max + 0.001,
    ].filter(Number.isFinite);
  }

  /** In range by the table's numbers, compared here without the engine's helper. */
  const inRange = (kind: ChangeKind, v: number) =>
    (kind.value!.exclusiveMin ? v > kind.value!.min : v >= kind.value!.min) && v <= kind.value!.max;

  it.each(CHANGE_KINDS.map((k) => [k.id, k] as const))(
    "%s is offered by the form under its title",
    (id, kind) => {
      expect(CHANGE_CHOICES).toContainEqual({ value: id, text: kind.title });
      expect(CHANGE_LABELS[id]).toEqual({ title: kind.title, explain: kind.explain });
    }
  );

  it.each(CHANGE_KINDS.filter((k) => k.value).map((k) => [k.id, k] as const))(
    "%s: the engine and the form enforce the table's Value range",
    (id, kind) => {
      for (const v of probes(kind)) {
        const draft = draftOf(kind, v);
        const engine = engineReason(draft);
        const form = formValueError(draft);
        const outside = !inRange(kind, v);
        // Out of range: both refuse on the Value's range. In range: neither does (shift-weight
        // may still refuse to move more weight than the metric has: that is not the range).
        expect({ id, v, engineRange: /: Value \S+ must be/.test(engine ?? "") }).toEqual({
          id,
          v,
          engineRange: outside,
        });
        expect({ id, v, formRange: /^Value must be/.test(form ?? "") }).toEqual({
          id,
          v,
          formRange: outside,
        });
      }
      // A blank Value is refused by both: a kind's Value has no default.
      expect(engineReason(draftOf(kind, null))).toMatch(/Value must be a number/);
      expect(formValueError(draftOf(kind, null))).toMatch(/^Value is required/);
    }
  );

  it.each(CHANGE_KINDS.map((k) => [k.id, k] as const))(
    "%s: a row inside the range runs (the engine has an apply function for it)",
    (id, kind) => {
      const draft = draftOf(kind, kind.value ? kind.value.min + 0.1 : null);
      expect({ id, reason: engineReason(draft) }).toEqual({ id, reason: null });
      expect(validateDraft(draft, listing).errors).toBeNull();
    }
  );
});
