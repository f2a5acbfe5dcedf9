/** The use-cases the task pane and the CLI both call: a feature exists once. */
export { ActionError } from "./errors";
export {
  insertSampleData,
  setupWorkbook,
  setupWorkbookFrom,
  SetupInsertError,
  type SetupResult,
} from "./setupWorkbook";
export {
  runAlignmentCheck,
  writeAlignmentView,
  type AlignmentCheck,
  type AlignmentViewResult,
} from "./checkAlignment";
export {
  runScenarioAction,
  loadScenarioRun,
  type ScenarioRunOptions,
  type ScenarioRunResult,
} from "./runScenarios";
export {
  explainPlans,
  writePlanPages,
  type ExplainedPlan,
  type PlanExplanations,
  type PlanPagesResult,
} from "./explainPlans";
export {
  computePulse,
  runPulseCheck,
  type PulseCheckOptions,
  type PulseCheckResult,
  type PulseComputation,
} from "./pulseCheck";
export * from "./runRisk";
