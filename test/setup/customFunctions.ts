/**
 * `CustomFunctions` exists only inside Office. This stand-in mirrors the parts the Excel
 * runtime adapter uses (Error, ErrorCode, associate) so that adapter can be tested in Node.
 */
class StandInCustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string
  ) {
    super(message);
  }
}

const associated: Record<string, (...args: unknown[]) => unknown> = {};

(globalThis as any).CustomFunctions = {
  Error: StandInCustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(
    id: string | Record<string, (...args: unknown[]) => unknown>,
    fn?: (...args: unknown[]) => unknown
  ) {
    if (typeof id === "string") associated[id] = fn!;
    else Object.assign(associated, id);
  },
  __associated: associated,
};
