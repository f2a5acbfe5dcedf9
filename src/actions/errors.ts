/** Why an action could not run at all (as opposed to findings about the data it read). */
export type ActionErrorKind =
  | "no-matrix"
  | "no-reps"
  | "cancelled"
  | "plan-has-errors"
  /** The sheets are there but no rep (or no Baseline) could be computed: the message says why. */
  | "not-computable";

export class ActionError extends Error {
  constructor(
    readonly kind: ActionErrorKind,
    message: string
  ) {
    super(message);
    this.name = "ActionError";
  }
}
