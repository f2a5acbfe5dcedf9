/**
 * How CompAlign matches a name people type (a plan, metric, objective, curve, rep, scenario or
 * sheet): surrounding spaces and case ignored, so "Enterprise AE " and "enterprise ae" are the
 * same plan. One rule for the engine, the readers, the reports, the actions and the pane.
 */
export const nameKey = (text: string): string => text.trim().toLowerCase();

/** True when two names match by {@link nameKey}. */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);
