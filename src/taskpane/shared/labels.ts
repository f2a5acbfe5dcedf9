/**
 * Human labels for the identifiers the engine uses: each alignment/data rule id, pulse check id
 * and scenario change kind gets a title and a one-line explanation. The pane shows these and
 * never the ids; the ids stay the contract in JSON and the CLI. Also: how a cell reference
 * reads on a link ("Shift 20% to multi-product deals, A1" rather than "'Shift 20%…'!A1").
 */
import { PAY_GAP_LIMIT } from "../../engine/alignmentRules";
import { CHANGE_KINDS, CHANGE_TYPES, type ChangeType } from "../../engine/changeKinds";
import { PULSE_CHECKS, PULSE_CHECK_IDS, type PulseCheckId } from "../../engine/pulseChecks";

export interface Label {
  title: string;
  /** One line: what the rule checks or what the change does. */
  explain: string;
}

const gapPoints = Math.round(PAY_GAP_LIMIT * 100);

/** Alignment rules (src/engine/alignmentRules.ts) and the plan readers' data rules. */
export const RULE_LABELS: Readonly<Record<string, Label>> = {
  "unknown-objective": {
    title: "Metric serves no known objective",
    explain: "Every metric must serve one of the objectives listed on the Objectives sheet.",
  },
  "duplicate-metric": {
    title: "Metric listed twice in a plan",
    explain: "A plan pays each metric once; remove or merge the second row.",
  },
  "weights-sum": {
    title: "Weights do not add up to 100%",
    explain: "A plan's metric weights must sum to 100% of target incentive.",
  },
  "unknown-curve": {
    title: "Payout curve missing or invalid",
    explain: "Each metric needs a payout curve defined correctly on the Curves sheet.",
  },
  "max-metrics": {
    title: "Too many metrics in a plan",
    explain: "Plans with more than three metrics are hard for a rep to understand.",
  },
  "objective-unfunded": {
    title: "Priority with no pay behind it",
    explain: "A strategic objective has priority but no plan pays for it.",
  },
  "priority-pay-gap": {
    title: "Pay does not follow priority",
    explain: `An objective's share of target incentive differs from its share of strategic priority by more than ${gapPoints} percentage points.`,
  },
  "uncapped-curve": {
    title: "Uncapped payout curve",
    explain: "Payout keeps rising with attainment; model the cost of outliers.",
  },
  cliff: {
    title: "Payout cliff",
    explain: "The curve jumps from nothing to a payout at its first point, inviting deal timing.",
  },
  "marginal-misaligned": {
    title: "Extra effort pays off the priority",
    explain: "At the margin, the next dollar of effort pays more on a lower-priority objective.",
  },
  "no-reps": {
    title: "No Reps sheet: plans weighted equally",
    explain:
      "Without a Reps sheet (Plan and Target Incentive), pay shares count each plan once instead of by its reps' target incentive.",
  },
  "weight-range": {
    title: "Weight above 100%",
    explain: "A weight is a share of target incentive: 40% is typed 40% or 0.4, not 40.",
  },
  "negative-weight": {
    title: "Negative weight",
    explain: "A weight below 0% makes the plan's other metrics pay more than target.",
  },
  "number-text": {
    title: "Number typed as text",
    explain:
      'Text that looks like a number ("40%", "1,200") is not read as one: type it as a number.',
  },
  "uncached-formula": {
    title: "Formula without a saved result",
    explain:
      "The file was saved without calculating this formula: open it in Excel and save it again.",
  },
  "huge-value": {
    title: "Number too large",
    explain: "A number this large is almost certainly a typing error, and cannot be paid on.",
  },
  "date-in-number": {
    title: "Date where a number belongs",
    explain: "A date in a number column would be read as its day count: type the number.",
  },
  "duplicate-header": {
    title: "Column header twice",
    explain: "Two columns of one sheet have the same header: CompAlign cannot tell which to read.",
  },
  "empty-sheet": {
    title: "Sheet has no rows",
    explain: "A sheet has its header but no rows below it.",
  },
  "duplicate-rep": {
    title: "Rep listed twice",
    explain: "The same rep id appears on two rows of Reps; both are counted.",
  },
  "unknown-plan": {
    title: "Rep on an unknown plan",
    explain: "A rep's Plan is not a plan of the Matrix; the rep is left out.",
  },
  "revenue-mark": {
    title: "Revenue marked inconsistently",
    explain: "A metric is marked Revenue = yes on one Matrix row and not on another.",
  },
  "missing-sheet": {
    title: "Sheet missing",
    explain: "The workbook lacks a sheet the plan needs.",
  },
  "missing-column": {
    title: "Column missing",
    explain: "A sheet lacks a column the plan needs.",
  },
  "invalid-value": {
    title: "Value cannot be read",
    explain: "A cell holds a value of the wrong kind or out of range.",
  },
  "duplicate-objective": {
    title: "Objective listed twice",
    explain: "Each objective may appear once on the Objectives sheet.",
  },
  "unknown-owner": {
    title: "Unknown owner",
    explain: "The owner named in a row is not known to the workbook.",
  },
};

/** Scenario change kinds, for the Change drop-down and messages: the change-kind table's titles
 *  and explanations (src/engine/changeKinds.ts). */
export const CHANGE_LABELS: Readonly<Record<ChangeType, Label>> = Object.fromEntries(
  CHANGE_KINDS.map((kind) => [kind.id, { title: kind.title, explain: kind.explain }])
) as Record<ChangeType, Label>;

export const PULSE_CHECK_LABELS: Readonly<Record<PulseCheckId, Label>> = Object.fromEntries(
  PULSE_CHECKS.map((c) => [c.id, { title: c.title, explain: c.explanation }])
) as Record<PulseCheckId, Label>;

/** "weights-sum" → "Weights sum": a readable fallback for an id added after this table. */
const humanize = (id: string): Label => {
  const words = id.replace(/[-_]+/g, " ").trim();
  return { title: words.charAt(0).toUpperCase() + words.slice(1), explain: "" };
};

export const ruleLabel = (id: string): Label => RULE_LABELS[id] ?? humanize(id);
export const changeLabel = (id: string): Label =>
  (CHANGE_LABELS as Record<string, Label>)[id] ?? humanize(id);
export const pulseCheckLabel = (id: string): Label =>
  (PULSE_CHECK_LABELS as Record<string, Label>)[id] ?? humanize(id);

/** Every id the pane labels (for the test that no id shows in the pane's text). */
export const LABELLED_IDS: readonly string[] = [
  ...Object.keys(RULE_LABELS),
  ...CHANGE_TYPES,
  ...PULSE_CHECK_IDS,
];

/**
 * A cell reference as a link reads it: "'Shift 20% to x'!A1" → "Shift 20% to x, A1";
 * "Matrix!C4" → "Matrix, C4"; a bare "C4" stays "C4".
 */
export function cellText(ref: string): string {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return ref;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return `${sheet}, ${ref.slice(bang + 1).replace(/\$/g, "")}`;
}

const HYPHENATED = LABELLED_IDS.filter((id) => id.includes("-")).sort(
  (a, b) => b.length - a.length
);
const ID_PATTERN = new RegExp(`(?<![\\w-])(${HYPHENATED.join("|")})(?![\\w-])`, "g");

/**
 * Engine text shown in the pane with its ids replaced by their titles: "Scenarios row 2
 * (shift-weight): …" → "Scenarios row 2 (Shift weight between metrics): …". Only hyphenated ids
 * are replaced, so ordinary words ("cliff") are left alone.
 */
export const withLabels = (text: string): string =>
  text.replace(
    ID_PATTERN,
    (id) =>
      (
        RULE_LABELS[id] ??
        (CHANGE_LABELS as Record<string, Label>)[id] ??
        (PULSE_CHECK_LABELS as Record<string, Label>)[id]
      ).title
  );
