/**
 * Finance words for the Functions tab: the terms a comp analyst or finance partner types
 * ("cap", "accelerator", "SPIF", "clawback") mapped to the functions that do the job, and how
 * each function's example result reads (an amount, a rate, a share, an index). Pure data and
 * text helpers: no React.
 */
import { figures } from "../../engine/figures";

/** Per function: the words finance uses for what it does (searched with the description). */
export const FUNCTION_TERMS: Readonly<Record<string, readonly string[]>> = {
  ATTAINMENT: ["quota", "attainment", "achievement", "percent to goal", "performance"],
  CURVE: [
    "payout curve",
    "cap",
    "capped",
    "ceiling",
    "accelerator",
    "decelerator",
    "threshold",
    "gate",
    "floor",
    "kicker",
    "rate table",
    "excellence",
  ],
  PAYOUT: [
    "bonus",
    "incentive",
    "target incentive",
    "on-target earnings",
    "ote",
    "cap",
    "accelerator",
    "threshold",
    "variable pay",
  ],
  WEIGHTED: [
    "weights",
    "split",
    "measures",
    "scorecard",
    "multi-metric",
    "bonus",
    "mix",
    "cap",
    "accelerator",
  ],
  COMMISSION: [
    "commission",
    "tier",
    "tiered",
    "rate",
    "accelerator",
    "retroactive",
    "marginal",
    "quota",
    "threshold",
    "bookings",
    "revenue",
  ],
  MATRIX: ["matrix", "two-dimensional", "grid", "kicker", "multiplier", "gate", "threshold"],
  MODIFIER: ["modifier", "multiplier", "kicker", "gate", "margin", "discount", "threshold", "spif"],
  PRORATE: ["prorate", "proration", "new hire", "leaver", "partial period", "leave", "start date"],
  DRAW: [
    "draw",
    "recoverable",
    "non-recoverable",
    "guarantee",
    "advance",
    "clawback",
    "recovery",
    "deficit",
  ],
  GINI: ["fairness", "inequality", "concentration", "distribution", "spread"],
  TOPSHARE: ["top performers", "concentration", "top 20%", "pareto", "distribution"],
  ALIGNMENT: ["strategy", "priority", "objectives", "alignment", "funding", "budget"],
};

/** Words a user may type that the functions' own text does not use. */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  spif: ["bonus", "spif", "kicker"],
  spiff: ["bonus", "spif", "kicker"],
  clawback: ["clawback", "recover"],
  "claw-back": ["clawback", "recover"],
  accelerators: ["accelerator"],
  tiers: ["tier"],
  caps: ["cap"],
  ceiling: ["cap"],
  hurdle: ["threshold"],
  gate: ["threshold", "gate"],
  quotas: ["quota"],
  target: ["target", "quota"],
  goal: ["quota", "goal"],
  ote: ["target incentive", "ote"],
  splits: ["split"],
  commissions: ["commission"],
  bonuses: ["bonus"],
  guarantee: ["draw", "guarantee"],
  newhire: ["prorate"],
};

/** How an example's result reads. */
export type ResultKind = "amount" | "rate" | "share" | "index";

export const RESULT_KIND: Readonly<Record<string, ResultKind>> = {
  ATTAINMENT: "rate",
  CURVE: "rate",
  PAYOUT: "amount",
  WEIGHTED: "amount",
  COMMISSION: "amount",
  MATRIX: "rate",
  MODIFIER: "amount",
  PRORATE: "amount",
  DRAW: "amount",
  GINI: "index",
  TOPSHARE: "share",
  ALIGNMENT: "index",
};

/**
 * An example's result as a reader wants it, from the raw value Excel shows: "28000" → "28,000";
 * a rate "1.15" → "1.15 (115%)"; a share "0.5" → "50.0%"; an index "0.8" → "0.80"; an array
 * "{5000;6000;12000}" → "5,000; 6,000; 12,000". Text that is not a number stays as it is.
 */
export function formatExampleResult(name: string, raw: string): string {
  const kind = RESULT_KIND[name] ?? "amount";
  const fig = figures();
  const one = (text: string): string => {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n)) return text;
    switch (kind) {
      case "amount":
        return Number.isInteger(n)
          ? fig.count(n)
          : n.toLocaleString("en-US", { maximumFractionDigits: 2 });
      case "rate":
        return `${n} (${fig.percent(n).replace(/\.0%$/, "%")})`;
      case "share":
        return fig.percent(n);
      case "index":
        return fig.index(n);
    }
  };
  const array = /^\{(.*)\}$/.exec(raw.trim());
  if (!array) return one(raw);
  return array[1]
    .split(/[;,]/)
    .map((part) => one(part.trim()))
    .join("; ");
}

/**
 * A formula split after each top-level argument separator, so it can wrap only between
 * arguments: "=COMP.PAYOUT(1.2, {0.5,0;1,1}, 20000)" → ["=COMP.PAYOUT(1.2, ",
 * "{0.5,0;1,1}, ", "20000)"]. Commas inside braces, nested calls and quotes stay put.
 */
export function formulaPieces(formula: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 1) {
      let end = i + 1;
      while (formula[end] === " ") end++;
      pieces.push(formula.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  pieces.push(formula.slice(start));
  return pieces.filter((p) => p !== "");
}
