/**
 * The one table of scenario change kinds: for each, its id (as typed in the Scenarios sheet's
 * Change column), the title and one-line explanation the pane shows, which columns it reads,
 * and the kind, units and allowed range of its Value. The engine checks a Scenarios row against
 * it (src/engine/scenarioChanges.ts); the pane's add-a-change form offers its kinds, labels and
 * limits from it (src/taskpane/scenarios/scenarioRow.ts). How to add a kind:
 * docs/architecture.md, "How to add a scenario change kind".
 */
import { nameKey } from "./nameKey";

/** What a Value means, and how it is typed. */
export type ValueKind = "share" | "multiplier";

/** Each Value kind's units, an example and how to type it, for the form's hints and messages. */
export const VALUE_KINDS: Readonly<
  Record<ValueKind, { units: string; example: string; typing: string }>
> = {
  share: { units: "share of target incentive", example: "20% or 0.2", typing: "type 20% or 0.2" },
  multiplier: { units: "multiplier", example: "1.1 for +10%", typing: "1.1 is +10%, 0.9 is −10%" },
};

export interface ValueRange {
  kind: ValueKind;
  min: number;
  max: number;
  /** True when `min` itself is not allowed (a quota factor of 0 would divide by zero). */
  exclusiveMin: boolean;
}

export interface ChangeKind {
  /** The Change column's word. */
  id: string;
  /** The pane's name for it (drop-down, messages). */
  title: string;
  /** One line: what it does. */
  explain: string;
  /** Metric: required, optional (blank: every metric), or not read. */
  metric: "required" | "optional" | "unused";
  /** What To names: a metric of the plan, a curve, or nothing. */
  to: "metric" | "curve" | "unused";
  /** The Value's kind and allowed range, or null when Value is not read. A Value a kind reads has
   *  no default: blank is an error, never a silent 0. */
  value: ValueRange | null;
}

const SHARE: ValueRange = { kind: "share", min: 0, max: 1, exclusiveMin: false };
const MULTIPLIER: ValueRange = { kind: "multiplier", min: 0, max: Infinity, exclusiveMin: false };

/** Every kind, in the order the pane and the docs list them. */
export const CHANGE_KINDS = [
  {
    id: "shift-weight",
    title: "Shift weight between metrics",
    explain: "Move a share of target incentive from one metric to another.",
    metric: "required",
    to: "metric",
    value: SHARE,
  },
  {
    id: "set-weight",
    title: "Set a metric's weight",
    explain: "Set one metric's weight; the others scale to fill the rest.",
    metric: "required",
    to: "unused",
    value: SHARE,
  },
  {
    id: "set-curve",
    title: "Change a metric's curve",
    explain: "Pay a metric on another payout curve.",
    metric: "required",
    to: "curve",
    value: null,
  },
  {
    id: "scale-ti",
    title: "Scale target incentive",
    explain: "Multiply target incentive, for example 1.1 for +10%.",
    metric: "unused",
    to: "unused",
    value: MULTIPLIER,
  },
  {
    id: "scale-quota",
    title: "Scale quotas",
    explain: "Multiply quotas (blank Metric: every metric).",
    metric: "optional",
    to: "unused",
    value: { ...MULTIPLIER, exclusiveMin: true },
  },
  {
    id: "scale-actual",
    title: "Scale actuals",
    explain: "Multiply actual results (blank Metric: every metric).",
    metric: "optional",
    to: "unused",
    value: MULTIPLIER,
  },
] as const satisfies readonly ChangeKind[];

export type ChangeType = (typeof CHANGE_KINDS)[number]["id"];

/** The Change column's words, in table order. */
export const CHANGE_TYPES: readonly ChangeType[] = CHANGE_KINDS.map((k) => k.id);

const BY_ID = new Map<string, ChangeKind>(CHANGE_KINDS.map((k) => [k.id, k]));

export const isChangeType = (text: string): text is ChangeType => BY_ID.has(text);

/** A kind by its id (as typed: case and spaces ignored), or undefined. */
export const changeKind = (id: string): ChangeKind | undefined => BY_ID.get(nameKey(id));

/** Why `value` is outside the range, in the engine's words ("Value 0 must be greater than 0"), or null. */
export function valueRangeProblem(value: number, range: ValueRange): string | null {
  if (range.exclusiveMin ? value <= range.min : value < range.min)
    return `Value ${value} must be ${range.exclusiveMin ? "greater than" : "at least"} ${range.min}`;
  if (value > range.max) return `Value ${value} must be at most ${range.max}`;
  return null;
}
