/**
 * "Communicate" / `compalign explain`: the plan on a page. Reads Objectives, Matrix, Curves and
 * Reps (and Pulse Settings, for the excellence rate of the curve landmarks) in one round trip, explains every plan (src/engine/planExplain.ts) with its kickoff
 * talking points, and "Write plan pages" writes one `Plan - <name>` tab per plan, owned by
 * CompAlign.
 */
import { readPlanWorkbook } from "./readPlanWorkbook";
import { assertPlanHasNoErrors } from "./planGate";
import type { Finding, PlanDesign } from "../engine/plan";
import {
  explainPlans as explain,
  type PlanExplanation,
  type RepTarget,
} from "../engine/planExplain";
import { allTalkingPoints, talkingPoints } from "../engine/planExplainText";
import { readPulseSettings, PULSE_SETTINGS_SHEET } from "../model/readPulseSettings";
import { readReps } from "../model/readReps";
import { planPageSheets } from "../reports/planPage";
import { inWorkbookCurrency } from "../reports/format";
import type { FigureSettings } from "../engine/figures";
import type { WorkbookPort, WriteResult } from "../workbook/port";

export interface ExplainedPlan extends PlanExplanation {
  /** The plan's kickoff talking points as plain text. */
  talkingPoints: string;
}

export interface PlanExplanations {
  design: PlanDesign;
  /** Every plan of the Matrix, in Matrix order. */
  plans: ExplainedPlan[];
  /** Every plan's talking points, one after the other. */
  text: string;
  /** Problems found while reading the sheets (as the alignment check reports them). */
  findings: Finding[];
  /** The workbook's currency and locale (its Settings sheet): amounts on the plan pages. */
  figures: FigureSettings;
}

export interface PlanPagesResult extends PlanExplanations {
  /** The tabs written, one per plan, in plan order. */
  sheets: WriteResult[];
}

export async function explainPlans(book: WorkbookPort): Promise<PlanExplanations> {
  const read = await readPlanWorkbook(book, [PULSE_SETTINGS_SHEET]);
  assertPlanHasNoErrors(read);
  const {
    design,
    findings,
    sheets: { reps },
    extra: [pulseSettings],
  } = read;
  // The curve landmarks use the pulse check's Excellence Payout Rate, so both say the same.
  const { excellenceRate } = readPulseSettings(pulseSettings).settings;
  // A Reps sheet without its Plan or Target Incentive column gives no target incentives
  // (readPlan reports the missing column), exactly as for the alignment check.
  let targets: RepTarget[] | null = null;
  if (reps && design.targetIncentiveByPlan) {
    const table = readReps(reps, []);
    targets = table.plans.map((plan, i) => ({
      plan,
      targetIncentive: table.targetIncentive[i],
    }));
  }
  const plans = explain(design, targets, { excellenceRate, figures: read.figures }).map((p) => ({
    ...p,
    talkingPoints: talkingPoints(p),
  }));
  return { design, plans, text: allTalkingPoints(plans), findings, figures: read.figures };
}

/**
 * Explains every plan and writes (or refreshes) one `Plan - <name>` tab per plan. Everything is
 * computed before anything is written; if writing fails part-way, the tabs this run added are
 * removed again (tabs it refreshed keep their new content).
 */
export async function writePlanPages(book: WorkbookPort): Promise<PlanPagesResult> {
  const explained = await explainPlans(book);
  const specs = planPageSheets(explained.plans).map((spec) =>
    inWorkbookCurrency(spec, explained.figures)
  );
  const sheets: WriteResult[] = [];
  try {
    for (const spec of specs) sheets.push(...(await book.writeOwnedSheets([spec])));
  } catch (e) {
    const added = sheets.filter((s) => s.action === "created").map((s) => s.name);
    if (added.length > 0) await book.deleteOwnedSheets(added);
    throw e;
  }
  return { ...explained, sheets };
}
