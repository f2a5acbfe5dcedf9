/**
 * Office errors → WorkbookError. Excel rejects a whole batch at `context.sync()` with an
 * OfficeExtension.Error carrying a `code` ("ItemAlreadyExists", "InvalidArgument", …), a message
 * and `debugInfo.errorLocation` (e.g. "WorksheetCollection.add"); the port speaks WorkbookError.
 */
import { TableNameTakenError, WorkbookError, type WorkbookErrorKind } from "../port";

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; message?: unknown };
}

const KIND_BY_CODE: Record<string, WorkbookErrorKind> = {
  ItemAlreadyExists: "exists",
  RequestPayloadSizeLimitExceeded: "too-large",
  ResponsePayloadSizeLimitExceeded: "too-large",
  PayloadTooLarge: "too-large",
  InvalidReference: "shape",
  InvalidArgument: "shape",
  // Everything else (ItemNotFound, AccessDenied, InvalidOperation, GeneralException, …) is
  // reported as "unreadable": the port has no kind for "Excel refused" (see the report).
};

/** The Office error code of an error, when it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as OfficeLikeError | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** `doing` says what CompAlign was doing, e.g. `writing sheet "Alignment View"`. */
export function toWorkbookError(error: unknown, doing: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const office = (error ?? {}) as OfficeLikeError;
  const code = officeErrorCode(error);
  const message =
    typeof office.message === "string" && office.message ? office.message : String(error);
  const location = office.debugInfo?.errorLocation;
  const detail = [code, typeof location === "string" && location ? `at ${location}` : ""]
    .filter(Boolean)
    .join(" ");
  const kind: WorkbookErrorKind = (code && KIND_BY_CODE[code]) || "unreadable";
  const text = `${doing}: Excel said "${message}"${detail ? ` (${detail})` : ""}`;
  // Excel refusing a table's name (set after TableCollection.add) because a table or defined
  // name holds it: the same error the adapter's own check throws, without the name.
  const tableNameTaken =
    code === "ItemAlreadyExists" && typeof location === "string" && location.startsWith("Table");
  const result = tableNameTaken
    ? new TableNameTakenError(null, text)
    : new WorkbookError(kind, text);
  (result as { cause?: unknown }).cause = error;
  return result;
}
