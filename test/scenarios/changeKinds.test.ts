/**
 * The change-kind table (src/engine/changeKinds.ts) is the one place a kind's Value range is
 * written: for every kind, the engine enforces exactly that range when it reads a Scenarios row,
 * and the pane's form offers the kind (its title in the Change drop-down) and enforces the same
 * range before it writes a row.
 */
import fs from "fs";
import path from "path";
import "../taskpane/structuredClone";
import { loadScenarioRun } from "../../src/actions/runScenarios";
import { CHANGE_KINDS, CHANGE_TYPES, type ChangeKind } from "../../src/engine/changeKinds";
import { prepareRun, type PreparedRun } from "../../src/engine/scenarioRunner";
import { SAMPLE_METRICS, SAMPLE_PLANS, sampleSheets } from "../../src/reports/sampleWorkbook";
import { listingOf, type ScenarioListing } from "../../src/taskpane/scenarios/listing";
import {
  CHANGE_CHOICES,
  validateDraft,
  type ScenarioDraft,
} from "../../src/taskpane/scenarios/scenarioRow";
import { CHANGE_LABELS } from "../../src/taskpane/shared/labels";
import { MemoryWorkbook } from "../../src/workbook/memory";

let prepared: PreparedRun;
let listing: ScenarioListing;

beforeAll(async () => {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) await book.createSheet(spec);
  prepared = await loadScenarioRun(book);
  listing = listingOf(prepared);
}, 30_000);

/** A row of this kind that is valid apart from its Value (sample plan, metrics and curve). */
function draftOf(kind: ChangeKind, value: number | null): ScenarioDraft {
  return {
    scenario: "Probe",
    change: kind.id as ScenarioDraft["change"],
    plan: SAMPLE_PLANS.enterprise,
    metric: kind.metric === "unused" ? "" : SAMPLE_METRICS.core,
    to:
      kind.to === "metric" ? SAMPLE_METRICS.multi : kind.to === "curve" ? "Cloud Accelerated" : "",
    value: value === null ? "" : String(value),
    segment: "",
  };
}

/** The engine's reason for a one-row scenario of this draft, or null when it runs. */
function engineReason(draft: ScenarioDraft): string | null {
  const value = draft.value === "" ? null : Number(draft.value);
  const run = prepareRun(prepared.design, prepared.reps, [
    {
      name: draft.scenario,
      changes: [{ ...draft, value, row: 2 }],
    },
  ]);
  return run.invalidScenarios[0]?.reason ?? null;
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

describe("the change-kind table", () => {
  it("lists each kind once, with the ranges the docs describe", () => {
    expect(new Set(CHANGE_TYPES).size).toBe(CHANGE_KINDS.length);
    expect(
      Object.fromEntries(
        CHANGE_KINDS.map((k) => [
          k.id,
          k.value && [k.value.kind, k.value.min, k.value.max, k.value.exclusiveMin],
        ])
      )
    ).toEqual({
      "shift-weight": ["share", 0, 1, false],
      "set-weight": ["share", 0, 1, false],
      "set-curve": null,
      "scale-ti": ["multiplier", 0, Infinity, false],
      "scale-quota": ["multiplier", 0, Infinity, true],
      "scale-actual": ["multiplier", 0, Infinity, false],
    });
  });

  it("every kind is documented in docs/workbook.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "workbook.md"), "utf8");
    for (const id of CHANGE_TYPES)
      expect({ id, documented: doc.includes(`\`${id}\``) }).toEqual({ id, documented: true });
  });

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
