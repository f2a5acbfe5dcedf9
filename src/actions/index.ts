/**
 * The use-cases the task pane and the CLI both call: a feature exists once. This is the folder's
 * public face: everything outside src/actions imports from here (test/architecture checks it).
 */
export * from "./errors";
export * from "./planGate";
export * from "./setupWorkbook";
export * from "./checkAlignment";
export * from "./runScenarios";
export * from "./explainPlans";
export * from "./pulseCheck";
export * from "./runRisk";
export * from "./insertFormula";
