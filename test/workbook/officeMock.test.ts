/**
 * A second opinion on load/sync discipline from Microsoft's office-addin-mock: its objects
 * answer a property read before `load()` + `context.sync()` with an error string instead of the
 * value, so code that reads too early gets garbage. onTablesChanged is the adapter code small
 * enough for the mock (no collections needed); the fake Excel covers the rest.
 */
import { OfficeMockObject } from "office-addin-mock";
import { onTablesChanged } from "../../src/workbook/office";

describe("onTablesChanged under office-addin-mock", () => {
  const previous = (globalThis as { Excel?: unknown }).Excel;
  afterEach(() => {
    (globalThis as { Excel?: unknown }).Excel = previous;
  });

  it("loads the names, syncs, then reads them; registers and removes the handlers in the same context", async () => {
    const registered: string[] = [];
    const removed: string[] = [];
    let context: { sync(): Promise<void> } | undefined;
    const table = (name: string, id: string) => ({
      name,
      id,
      onChanged: {
        add(handler: unknown) {
          registered.push(name);
          expect(typeof handler).toBe("function");
          return { context, remove: () => removed.push(name) };
        },
      },
    });
    const excel = new OfficeMockObject({
      context: {
        workbook: {
          tables: {
            Matrix: table("Matrix", "{T-1}"),
            Objectives: table("Objectives", "{T-2}"),
            Missing: { name: "", id: "" },
            getItemOrNullObject(this: Record<string, unknown>, name: string) {
              return this[name] ?? this.Missing;
            },
          },
        },
      },
      async run(this: { context: unknown }, a: unknown, b?: unknown) {
        const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
        return batch(this.context);
      },
    }) as unknown as {
      context: {
        sync(): Promise<void>;
        workbook: { tables: Record<string, Record<string, unknown>> };
      };
    };
    // isNullObject is not a loadable property for the mock: set it as Excel would after a sync.
    const tables = excel.context.workbook.tables;
    tables.Matrix.isNullObject = false;
    tables.Objectives.isNullObject = false;
    tables.Missing.isNullObject = true;
    context = excel.context;
    let syncs = 0;
    const sync = excel.context.sync.bind(excel.context);
    excel.context.sync = async () => {
      syncs++;
      await sync();
    };
    (globalThis as { Excel?: unknown }).Excel = excel;

    const unsubscribe = await onTablesChanged(["Matrix", "Curves", "Objectives"], () => undefined);
    // Read after load + sync: real names, not the mock's "not loaded" error strings.
    expect(unsubscribe.watched).toEqual(["Matrix", "Objectives"]);
    expect(registered).toEqual(["Matrix", "Objectives"]);
    expect(syncs).toBe(2);

    await unsubscribe();
    expect(removed).toEqual(["Matrix", "Objectives"]);
    expect(syncs).toBe(3);
  });
});
