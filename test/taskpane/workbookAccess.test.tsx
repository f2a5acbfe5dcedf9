/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import { render, screen } from "@testing-library/react";
import type { WorkbookPort } from "../../src/workbook/port";
import {
  TABLE_CHANGE_DEBOUNCE_MS,
  WorkbookProvider,
  officeWorkbookAccess,
  useWorkbook,
  type WorkbookAccess,
} from "../../src/taskpane/workbookAccess";

// The Office adapter needs Excel; these tests check how the pane uses it, not the adapter.
const runInExcel = jest.fn();
const onTablesChanged = jest.fn();
jest.mock("../../src/workbook/office", () => ({
  runInExcel: (...args: unknown[]) => runInExcel(...args),
  onTablesChanged: (...args: unknown[]) => onTablesChanged(...args),
}));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  runInExcel.mockReset();
  onTablesChanged.mockReset();
});

describe("officeWorkbookAccess", () => {
  it("runs each action through runInExcel and returns its result", async () => {
    const book = {} as WorkbookPort;
    runInExcel.mockImplementation((action: (b: WorkbookPort) => Promise<unknown>) => action(book));
    const action = jest.fn(async (b: WorkbookPort) => (b === book ? "done" : "wrong book"));

    await expect(officeWorkbookAccess().run(action)).resolves.toBe("done");
    expect(runInExcel).toHaveBeenCalledTimes(1);
  });

  it("says its port can append rows to a user's sheet (the Scenarios tab's add-a-change form)", () => {
    expect(officeWorkbookAccess().canAppendRows).toBe(true);
  });

  it("passes an action's rejection on", async () => {
    runInExcel.mockRejectedValue(new Error("InvalidOperation"));
    await expect(officeWorkbookAccess().run(async () => 1)).rejects.toThrow("InvalidOperation");
  });

  it("watches tables with onTablesChanged, debounced, and stops on unsubscribe", async () => {
    const stop = jest.fn(async () => undefined);
    onTablesChanged.mockResolvedValue(stop);
    const onChange = jest.fn();

    const unsubscribe = officeWorkbookAccess().watchTables!(["Matrix", "Objectives"], onChange);
    await flush();
    expect(onTablesChanged).toHaveBeenCalledWith(
      ["Matrix", "Objectives"],
      expect.any(Function),
      TABLE_CHANGE_DEBOUNCE_MS
    );
    const handler = onTablesChanged.mock.calls[0][1] as (changed: string[]) => void;
    handler(["Matrix"]);
    expect(onChange).toHaveBeenCalledTimes(1);

    unsubscribe();
    await flush();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("stops a subscription that resolves after unsubscribe was called", async () => {
    const stop = jest.fn(async () => undefined);
    let resolve: ((value: unknown) => void) | undefined;
    onTablesChanged.mockReturnValue(new Promise((r) => (resolve = r)));

    const unsubscribe = officeWorkbookAccess().watchTables!(["Matrix"], () => undefined);
    await flush();
    unsubscribe();
    resolve!(stop);
    await flush();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("does not throw when the tables cannot be watched", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    onTablesChanged.mockRejectedValue(new Error("ApiNotFound"));
    const unsubscribe = officeWorkbookAccess().watchTables!(["Matrix"], () => undefined);
    await flush();
    expect(warn).toHaveBeenCalled();
    expect(() => unsubscribe()).not.toThrow();
    warn.mockRestore();
  });
});

describe("useWorkbook", () => {
  function Probe() {
    const access = useWorkbook();
    return <p role="note">{access ? "has a workbook" : "no workbook"}</p>;
  }

  it("is null without a provider, and the provided access inside one", () => {
    const access: WorkbookAccess = { run: (action) => action({} as WorkbookPort) };
    const { unmount } = render(<Probe />);
    expect(screen.getByRole("note")).toHaveTextContent("no workbook");
    unmount();
    render(
      <WorkbookProvider access={access}>
        <Probe />
      </WorkbookProvider>
    );
    expect(screen.getByRole("note")).toHaveTextContent("has a workbook");
  });
});
