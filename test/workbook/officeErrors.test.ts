import { toWorkbookError } from "../../src/workbook/office/officeErrors";
import { TableNameTakenError, WorkbookError } from "../../src/workbook/port";

const officeError = (code: string, errorLocation: string, message = "refused") => ({
  code,
  message,
  debugInfo: { errorLocation },
});

describe("Office errors as WorkbookErrors", () => {
  it("Excel refusing a table's name is a TableNameTakenError (kind exists), so callers retry", () => {
    const error = toWorkbookError(
      officeError("ItemAlreadyExists", "Table.name", 'the name "Pulse" is taken'),
      'writing sheet "Pulse"'
    );
    expect(error).toBeInstanceOf(TableNameTakenError);
    expect(error.kind).toBe("exists");
    expect((error as TableNameTakenError).tableName).toBeNull();
    expect(error.message).toBe(
      'writing sheet "Pulse": Excel said "the name "Pulse" is taken" (ItemAlreadyExists at Table.name)'
    );
  });

  it("a sheet that exists is kind exists but not a table-name error", () => {
    const error = toWorkbookError(
      officeError("ItemAlreadyExists", "WorksheetCollection.add"),
      'adding sheet "Reps"'
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).not.toBeInstanceOf(TableNameTakenError);
    expect(error.kind).toBe("exists");
  });

  it("another error at a table is not a table-name error", () => {
    const error = toWorkbookError(officeError("InvalidArgument", "TableCollection.add"), "x");
    expect(error).not.toBeInstanceOf(TableNameTakenError);
    expect(error.kind).toBe("shape");
  });
});
