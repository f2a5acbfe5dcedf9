/**
 * A recording fake of the part of Excel's JavaScript object model the Office.js adapter uses,
 * good enough to run the adapter for real:
 * - proxies queue commands; `context.sync()` runs them in order against a FakeBook, stops the
 *   batch at the first failing one (as Excel does) and records what the request carried;
 * - `load()` is recorded, and reading a property that was not loaded and synced THROWS
 *   (office-addin-mock returns an error string instead); `load()` with no argument throws too;
 * - collections (`items`, nested `items/tables/items/name` loads), methods with arguments
 *   (`getRange(address)`, `worksheets.add(name)`, `getItemOrNullObject`), null objects;
 * - 2-D arrays must match the range's shape; values are typed in as Excel would (a value
 *   "=SUM(A1)" becomes a formula), by `Range.values` and by `table.rows.add` alike;
 * - every sync is recorded: its commands, payload bytes (the JSON of the arrays written), response
 *   bytes (the JSON of every property loaded), and whether calculation was suspended before its
 *   first write;
 * - Excel on the web's 5 MB limits are enforced as a host would: a request over
 *   `requestLimitBytes` fails before anything runs (RequestPayloadSizeLimitExceeded), a response
 *   over `responseLimitBytes` fails the sync (ResponsePayloadSizeLimitExceeded), and a range of
 *   more than `nullValuesAboveCells` cells loads `values` as null.
 * `installFakeExcel` puts an `Excel.run` on the global object; a batch that leaves commands
 * queued without syncing them fails (the adapter must never rely on an implicit sync).
 */
import { formatRange, parseA1, type RangePosition } from "../../../src/workbook/a1";
import { utf8Length } from "../../../src/workbook/chunking";
import { quoteSheetName } from "../../../src/workbook/sheetRef";
import {
  FakeBook,
  FakeOfficeError,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeName,
  FakeSheet,
  type FakeTable,
  overlaps,
  parseAddress,
} from "./model";

type OpKind = "write" | "load" | "suspend" | "get";

interface Op {
  kind: OpKind;
  label: string;
  bytes: number;
  run(): void;
}

export interface SyncRecord {
  /** Labels of the commands in this request, in order. */
  ops: string[];
  writes: number;
  /** UTF-8 bytes of the 2-D arrays and texts written in this request. */
  payloadBytes: number;
  /** suspendApiCalculationUntilNextSync was queued before the first write of this request. */
  calculationSuspended: boolean;
  /** UTF-8 bytes of the JSON of every property this request loaded (Excel's response). */
  responseBytes: number;
  /** Loads in this request (a sync with loads and no writes is a read). */
  loads: number;
  /** Whether the request failed (Excel rejected it). */
  failed: boolean;
}

/** Excel on the web's limit on a request's and a response's payload. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

const NOT_LOADED = (what: string) =>
  new Error(
    `PropertyNotLoaded: ${what} was read before it was loaded and synced (load("…"), then await context.sync())`
  );

// ----------------------------------------------------------------------------------------------
// Context
// ----------------------------------------------------------------------------------------------

/** One 2-D array assigned to a range, as it was sent. */
export interface ArrayWrite {
  what: "values" | "formulas" | "numberFormat" | "rows.add";
  sheet: string;
  address: string;
  data: unknown[][];
}

export class FakeContext {
  queue: Op[] = [];
  /** Limits a real host enforces (Excel on the web: 5 MB each way; values null over 5 M cells). */
  requestLimitBytes = EXCEL_PAYLOAD_LIMIT_BYTES;
  responseLimitBytes = EXCEL_PAYLOAD_LIMIT_BYTES;
  nullValuesAboveCells = 5_000_000;
  /** Response bytes of the sync being run. */
  responseBytes = 0;
  readonly syncs: SyncRecord[] = [];
  readonly loads: string[] = [];
  /** Every values / formulas / numberFormat array written, in order. */
  readonly arrays: ArrayWrite[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(readonly book: FakeBook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue(
          "suspend",
          "application.suspendApiCalculationUntilNextSync()",
          () => undefined
        ),
    };
  }

  enqueue(kind: OpKind, label: string, run: () => void, bytes = 0): void {
    this.queue.push({ kind, label, run, bytes });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const firstWrite = ops.findIndex((op) => op.kind === "write");
    const suspend = ops.findIndex((op) => op.kind === "suspend");
    const record: SyncRecord = {
      ops: ops.map((op) => op.label),
      writes: ops.filter((op) => op.kind === "write").length,
      payloadBytes: ops.reduce((sum, op) => sum + op.bytes, 0),
      calculationSuspended: suspend >= 0 && (firstWrite < 0 || suspend < firstWrite),
      responseBytes: 0,
      loads: ops.filter((op) => op.kind === "load").length,
      failed: false,
    };
    this.syncs.push(record);
    if (record.payloadBytes > this.requestLimitBytes) {
      record.failed = true;
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${record.payloadBytes} bytes).`,
        "Request"
      );
    }
    this.responseBytes = 0;
    try {
      for (const op of ops) op.run();
    } catch (error) {
      record.failed = true;
      throw error;
    } finally {
      record.responseBytes = this.responseBytes;
    }
    if (record.responseBytes > this.responseLimitBytes) {
      record.failed = true;
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${record.responseBytes} bytes).`,
        "Response"
      );
    }
  }

  /** The syncs that read (loaded something) and wrote nothing. */
  get readSyncs(): SyncRecord[] {
    return this.syncs.filter((s) => s.loads > 0 && s.writes === 0);
  }

  /** Totals over this context's syncs. */
  get syncCount(): number {
    return this.syncs.length;
  }
}

// ----------------------------------------------------------------------------------------------
// Client objects: lazily bound targets, recorded loads, reads that throw when not loaded
// ----------------------------------------------------------------------------------------------

abstract class ClientObject<T> {
  /** Collections are evaluated afresh on every use (their members change); objects bind once. */
  protected live = false;
  protected bound = false;
  protected boundTarget: T | null = null;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    protected readonly kind: string,
    private readonly resolver?: () => T | null
  ) {}

  /** Binds the proxy to its object now (in command order), as Excel evaluates the path. */
  protected bindNow(): T | null {
    if (this.live) return this.resolver ? this.resolver() : null;
    if (!this.bound) {
      this.boundTarget = this.resolver ? this.resolver() : null;
      this.bound = true;
    }
    return this.boundTarget;
  }

  bindTo(target: T | null): void {
    this.boundTarget = target;
    this.bound = true;
  }

  /** The object, for a command that needs it; a command on a null object fails like Excel. */
  protected resolve(what: string): T {
    const target = this.bindNow();
    if (target === null)
      throw new FakeOfficeError(
        "ItemNotFound",
        `${this.kind} for ${what} does not exist`,
        `${this.kind}.${what}`
      );
    return target;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw NOT_LOADED(`${this.kind}.isNullObject`);
    return this.nullState;
  }

  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw NOT_LOADED(`${this.kind}.${prop}`);
    return this.loaded.get(prop) as V;
  }

  load(props?: string | string[] | Record<string, unknown>): this {
    if (
      props === undefined ||
      (typeof props === "string" && props.trim() === "") ||
      (Array.isArray(props) && props.length === 0)
    ) {
      throw new Error(
        `empty load() on ${this.kind}: it loads every property; name the ones needed`
      );
    }
    const paths = (
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : objectPaths(props)
    )
      .map((p) => p.trim())
      .filter(Boolean);
    this.context.loads.push(`${this.kind}: ${paths.join(",")}`);
    this.context.enqueue("load", `${this.kind}.load(${paths.join(",")})`, () =>
      this.applyLoad(paths)
    );
    return this;
  }

  applyLoad(paths: string[]): void {
    const target = this.bindNow();
    this.nullState = target === null;
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (target === null) {
        this.loaded.set(head, null);
      } else if (rest.length === 0) {
        const value = this.scalar(target, head);
        this.context.responseBytes += utf8Length(JSON.stringify(value) ?? "null") + 1;
        this.loaded.set(head, value);
      } else {
        this.navigate(head).applyLoad([rest.join("/")]);
      }
    }
  }

  protected scalar(_target: T, prop: string): unknown {
    throw new Error(`the fake ${this.kind} cannot load "${prop}"`);
  }

  protected navigate(prop: string): ClientObject<unknown> {
    throw new Error(`the fake ${this.kind} cannot load through "${prop}"`);
  }
}

function objectPaths(options: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(options).flatMap(([key, value]) =>
    value && typeof value === "object"
      ? objectPaths(value as Record<string, unknown>, `${prefix}${key}/`)
      : value
        ? [`${prefix}${key}`]
        : []
  );
}

abstract class CollectionProxy<T, P extends ClientObject<T>> extends ClientObject<T[]> {
  private loadedItems: P[] | undefined;
  protected override live = true;

  protected abstract wrap(item: T): P;

  get items(): P[] {
    if (this.loadedItems === undefined) throw NOT_LOADED(`${this.kind}.items`);
    return this.loadedItems;
  }

  override applyLoad(paths: string[]): void {
    const list = this.resolve("items");
    const itemPaths = paths.map((p) => {
      if (!p.startsWith("items/"))
        throw new Error(`the fake ${this.kind} loads only items/…, not "${p}"`);
      return p.slice("items/".length);
    });
    this.loadedItems = list.map((item) => {
      const proxy = this.wrap(item);
      proxy.bindTo(item);
      proxy.applyLoad(itemPaths);
      return proxy;
    });
  }
}

function arrayBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

function checkShape(values: unknown, range: RangePosition, what: string): unknown[][] {
  if (
    !Array.isArray(values) ||
    values.length !== range.rows ||
    values.some((row) => !Array.isArray(row) || row.length !== range.cols)
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      `Range.${what}`
    );
  }
  return values as unknown[][];
}

// ----------------------------------------------------------------------------------------------
// Workbook, worksheets
// ----------------------------------------------------------------------------------------------

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;

  constructor(readonly requestContext: FakeContext) {
    const context = requestContext;
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeTableCollection(context, null);
  }

  /** The selected cell (ExcelApi 1.7): the top-left cell of the book's selection, else A1 of the active sheet. */
  getActiveCell(): FakeRange {
    return new FakeRange(this.requestContext, () => {
      const book = this.requestContext.book;
      const sheet = book.selection ? book.sheet(book.selection.sheet) : book.active;
      if (!sheet)
        throw new FakeOfficeError("ItemNotFound", "no active sheet", "Workbook.getActiveCell");
      const range = book.selection ? parseAddress(book.selection.address)! : undefined;
      return {
        sheet,
        range: { start: range ? range.start : { row: 0, col: 0 }, rows: 1, cols: 1 },
      };
    });
  }
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

class FakeWorksheetCollection extends CollectionProxy<FakeSheet, FakeWorksheet> {
  constructor(context: FakeContext) {
    super(context, "WorksheetCollection", () => context.book.sheets);
  }

  protected wrap(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheet);
  }

  add(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context);
    this.context.enqueue(
      "write",
      `worksheets.add(${name})`,
      () => {
        const book = this.context.book;
        if (name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `"${name}" is not a valid sheet name`,
            "WorksheetCollection.add"
          );
        }
        if (book.find(name))
          throw new FakeOfficeError(
            "ItemAlreadyExists",
            `A sheet named "${name}" already exists`,
            "WorksheetCollection.add"
          );
        sheet.bindTo(book.addSheet(name));
      },
      utf8Length(name)
    );
    return sheet;
  }

  getItem(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, () => {
      const found = this.context.book.find(name);
      if (!found)
        throw new FakeOfficeError(
          "ItemNotFound",
          `no sheet "${name}"`,
          "WorksheetCollection.getItem"
        );
      return found;
    });
    this.context.enqueue("get", `worksheets.getItem(${name})`, () => sheet.bindNowForGet());
    return sheet;
  }

  getActiveWorksheet(): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, () => {
      const active = this.context.book.active;
      if (!active)
        throw new FakeOfficeError(
          "ItemNotFound",
          "no active sheet",
          "WorksheetCollection.getActiveWorksheet"
        );
      return active;
    });
    this.context.enqueue("get", "worksheets.getActiveWorksheet()", () => sheet.bindNowForGet());
    return sheet;
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, () => this.context.book.find(name) ?? null);
    this.context.enqueue("get", `worksheets.getItemOrNullObject(${name})`, () =>
      sheet.bindNowForGet()
    );
    return sheet;
  }
}

class FakeWorksheet extends ClientObject<FakeSheet> {
  readonly freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: FakeRange | string): void;
    unfreeze(): void;
  };

  constructor(context: FakeContext, resolver?: () => FakeSheet | null) {
    super(context, "Worksheet", resolver);
    const freeze = (label: string, f: (sheet: FakeSheet) => void) =>
      this.context.enqueue("write", `freezePanes.${label}`, () => f(this.resolve("freezePanes")));
    this.freezePanes = {
      freezeRows: (count) =>
        freeze(`freezeRows(${count})`, (s) => (s.freeze = { rows: count, columns: 0 })),
      freezeColumns: (count) =>
        freeze(`freezeColumns(${count})`, (s) => (s.freeze = { rows: 0, columns: count })),
      freezeAt: (range) =>
        freeze(`freezeAt(${typeof range === "string" ? range : "range"})`, (s) => {
          const at = typeof range === "string" ? parseAddress(range)! : range.position();
          s.freeze = { rows: at.start.row + at.rows, columns: at.start.col + at.cols };
        }),
      unfreeze: () => freeze("unfreeze()", (s) => (s.freeze = null)),
    };
  }

  bindNowForGet(): void {
    this.bindNow();
  }

  protected override scalar(sheet: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.context.book.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "tabColor":
        return sheet.tabColor;
    }
    return super.scalar(sheet, prop);
  }

  private tablesProxy?: FakeTableCollection;
  private chartsProxy?: FakeChartCollection;

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.context, this));
  }

  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.context, this));
  }

  protected override navigate(prop: string): ClientObject<unknown> {
    if (prop === "tables") return this.tables as unknown as ClientObject<unknown>;
    if (prop === "charts") return this.charts as unknown as ClientObject<unknown>;
    return super.navigate(prop);
  }

  sheetNow(what: string): FakeSheet {
    return this.resolve(what);
  }

  get name(): string {
    return this.read("name");
  }

  get position(): number {
    return this.read("position");
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set tabColor(color: string) {
    this.context.enqueue(
      "write",
      `tabColor = ${color}`,
      () => (this.resolve("tabColor").tabColor = color),
      color.length
    );
  }

  get tabColor(): string {
    return this.read("tabColor");
  }

  get id(): string {
    return this.read("id");
  }

  activate(): void {
    this.context.enqueue(
      "write",
      "activate()",
      () => (this.context.book.active = this.resolve("activate"))
    );
  }

  delete(): void {
    this.context.enqueue("write", "worksheet.delete()", () => {
      const sheet = this.resolve("delete");
      const book = this.context.book;
      if (book.sheets.length === 1) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.delete"
        );
      }
      book.removeSheet(sheet.name);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve("getRange");
      const range = parseAddress(address);
      if (!range)
        throw new FakeOfficeError(
          "InvalidArgument",
          `"${address}" is not a range address`,
          "Worksheet.getRange"
        );
      return { sheet, range };
    });
  }

  /** The range of `rowCount` × `columnCount` cells from (startRow, startColumn), 0-based (ExcelApi 1.7). */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve("getRangeByIndexes");
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1)
        throw new FakeOfficeError(
          "InvalidArgument",
          `no range at (${startRow}, ${startColumn}) of ${rowCount} × ${columnCount}`,
          "Worksheet.getRangeByIndexes"
        );
      return {
        sheet,
        range: { start: { row: startRow, col: startColumn }, rows: rowCount, cols: columnCount },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.bindNow();
      if (sheet === null) return null;
      const range = sheet.usedRange(valuesOnly === true);
      return range ? { sheet, range } : null;
    });
  }

  /** As Excel: a blank sheet's used range is A1 (no error, unlike a null object). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve("getUsedRange");
      const range = sheet.usedRange(valuesOnly === true);
      return { sheet, range: range ?? { start: { row: 0, col: 0 }, rows: 1, cols: 1 } };
    });
  }
}

// ----------------------------------------------------------------------------------------------
// Ranges
// ----------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  range: RangePosition;
}

class FakeRange extends ClientObject<RangeTarget> {
  readonly format: FakeRangeFormat;
  readonly dataValidation: {
    rule: unknown;
    errorAlert: unknown;
    clear(): void;
  };
  readonly conditionalFormats: {
    add(type: string): {
      colorScale: { criteria: unknown };
      cellValue: {
        rule: unknown;
        format: { font: { color: string }; fill: { color: string } };
      };
    };
    clearAll(): void;
  };

  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, "Range", resolver);
    this.format = new FakeRangeFormat(this);

    const range = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        range.write(
          `dataValidation.rule = ${JSON.stringify(rule)}`,
          JSON.stringify(rule).length,
          (t) => {
            t.sheet.validations.push({ range: t.range, rule, errorAlert: null });
          }
        );
      },
      get rule(): unknown {
        throw new Error("the fake does not read dataValidation.rule");
      },
      set errorAlert(alert: unknown) {
        range.write(`dataValidation.errorAlert`, JSON.stringify(alert).length, (t) => {
          const validation = t.sheet.validations.find(
            (v) => formatRange(v.range) === formatRange(t.range)
          );
          if (!validation)
            throw new FakeOfficeError(
              "InvalidOperation",
              "no validation rule on this range",
              "DataValidation.errorAlert"
            );
          validation.errorAlert = alert;
        });
      },
      get errorAlert(): unknown {
        throw new Error("the fake does not read dataValidation.errorAlert");
      },
      clear() {
        range.write("dataValidation.clear()", 0, (t) => {
          t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.range, t.range));
        });
      },
    };
    this.conditionalFormats = {
      add(type: string) {
        let created: FakeConditionalFormat | null = null;
        range.write(`conditionalFormats.add(${type})`, 0, (t) => {
          created = { type, range: t.range, criteria: null };
          t.sheet.conditionalFormats.push(created);
        });
        return {
          colorScale: {
            set criteria(criteria: unknown) {
              range.context.enqueue(
                "write",
                `colorScale.criteria = ${JSON.stringify(criteria)}`,
                () => {
                  if (!created)
                    throw new FakeOfficeError(
                      "InvalidOperation",
                      "no conditional format",
                      "ColorScaleConditionalFormat"
                    );
                  created.criteria = criteria;
                }
              );
            },
            get criteria(): unknown {
              throw new Error("the fake does not read criteria");
            },
          },
          // A cell-value format (ExcelApi 1.6): its rule and colours are recorded as its criteria.
          cellValue: {
            set rule(rule: unknown) {
              set("rule", rule);
            },
            get rule(): unknown {
              throw new Error("the fake does not read cellValue.rule");
            },
            format: {
              font: {
                set color(color: string) {
                  set("fontColor", color);
                },
                get color(): string {
                  throw new Error("the fake does not read the font colour");
                },
              },
              fill: {
                set color(color: string) {
                  set("fillColor", color);
                },
                get color(): string {
                  throw new Error("the fake does not read the fill colour");
                },
              },
            },
          },
        };
        function set(key: string, value: unknown) {
          range.context.enqueue("write", `cellValue.${key} = ${JSON.stringify(value)}`, () => {
            if (!created)
              throw new FakeOfficeError(
                "InvalidOperation",
                "no conditional format",
                "CellValueConditionalFormat"
              );
            created.criteria = { ...(created.criteria as object | null), [key]: value };
          });
        }
      },
      clearAll() {
        range.write("conditionalFormats.clearAll()", 0, (t) => {
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter(
            (f) => !overlaps(f.range, t.range)
          );
        });
      },
    };
  }

  /** Queues a write to this range's cells; the range (and its sheet) is bound when it runs. */
  write(label: string, bytes: number, apply: (target: RangeTarget) => void): void {
    this.context.enqueue("write", label, () => apply(this.resolve(label)), bytes);
  }

  position(): RangePosition {
    return this.resolve("position").range;
  }

  private record(what: ArrayWrite["what"], t: RangeTarget, data: unknown[][]): void {
    this.context.arrays.push({ what, sheet: t.sheet.name, address: formatRange(t.range), data });
  }

  target(): RangeTarget {
    return this.resolve("range");
  }

  protected override scalar(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "values":
        // As Excel: values of a range of more than 5 million cells can come back null.
        if (t.range.rows * t.range.cols > this.context.nullValuesAboveCells) return null;
        return t.sheet.valuesOf(t.range);
      case "address":
        return t.sheet.address(t.range);
      case "rowCount":
        return t.range.rows;
      case "columnCount":
        return t.range.cols;
      case "numberFormat":
        return Array.from({ length: t.range.rows }, (_, r) =>
          Array.from(
            { length: t.range.cols },
            (_, c) =>
              t.sheet.peek(
                formatRange({
                  start: { row: t.range.start.row + r, col: t.range.start.col + c },
                  rows: 1,
                  cols: 1,
                })
              )?.numberFormat ?? "General"
          )
        );
    }
    return super.scalar(t, prop);
  }

  /** Row `index` (0-based) of this range. */
  getRow(index: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolve("getRow");
      if (index < 0 || index >= t.range.rows)
        throw new FakeOfficeError("InvalidArgument", `no row ${index}`, "Range.getRow");
      return {
        sheet: t.sheet,
        range: {
          start: { row: t.range.start.row + index, col: t.range.start.col },
          rows: 1,
          cols: t.range.cols,
        },
      };
    });
  }

  /** The overlap of this range and `other` (ExcelApi 1.4); a null object where they do not meet. */
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.bindNow();
      if (t === null) return null;
      const o =
        typeof other === "string"
          ? { sheet: t.sheet, range: parseAddress(other)! }
          : other.target();
      const top = Math.max(t.range.start.row, o.range.start.row);
      const left = Math.max(t.range.start.col, o.range.start.col);
      const bottom = Math.min(t.range.start.row + t.range.rows, o.range.start.row + o.range.rows);
      const right = Math.min(t.range.start.col + t.range.cols, o.range.start.col + o.range.cols);
      if (bottom <= top || right <= left) return null;
      return {
        sheet: t.sheet,
        range: { start: { row: top, col: left }, rows: bottom - top, cols: right - left },
      };
    });
  }

  getLastRow(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolve("getLastRow");
      return {
        sheet: t.sheet,
        range: {
          start: { row: t.range.start.row + t.range.rows - 1, col: t.range.start.col },
          rows: 1,
          cols: t.range.cols,
        },
      };
    });
  }

  get address(): string {
    return this.read("address");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set values(values: unknown[][]) {
    this.typeGrid("values", values);
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  set formulas(formulas: unknown[][]) {
    this.typeGrid("formulas", formulas);
  }

  /** Values and formulas are typed in cell by cell, as a user would (a formula starts with =). */
  private typeGrid(property: "values" | "formulas", grid: unknown[][]): void {
    this.write(`range.${property} (${grid.length} rows)`, arrayBytes(grid), (t) => {
      this.record(property, t, grid);
      checkShape(grid, t.range, property).forEach((row, r) =>
        row.forEach((v, c) => t.sheet.typeIn(t.range.start.row + r, t.range.start.col + c, v))
      );
    });
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  set numberFormat(formats: unknown[][]) {
    this.write(`range.numberFormat (${formats.length} rows)`, arrayBytes(formats), (t) => {
      this.record("numberFormat", t, formats);
      checkShape(formats, t.range, "numberFormat").forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null) return;
          t.sheet.cell(t.range.start.row + r, t.range.start.col + c).numberFormat =
            f === "" ? null : String(f);
        })
      );
    });
  }

  clear(): void {
    this.write("range.clear()", 0, (t) => t.sheet.clear(t.range));
  }

  select(): void {
    this.write("range.select()", 0, (t) => {
      this.context.book.selection = { sheet: t.sheet.name, address: formatRange(t.range) };
    });
  }
}

class FakeRangeFormat {
  readonly font: Record<"bold" | "italic" | "size" | "color", unknown>;
  readonly fill: { color: unknown };

  constructor(private readonly range: FakeRange) {
    const setter = (key: string) => ({
      set: (value: unknown) => this.set(key, value),
      get: () => {
        throw new Error(`the fake does not read format.${key}`);
      },
      enumerable: true,
    });
    this.font = Object.defineProperties(
      {} as Record<"bold" | "italic" | "size" | "color", unknown>,
      {
        bold: setter("font.bold"),
        italic: setter("font.italic"),
        size: setter("font.size"),
        color: setter("font.color"),
      }
    );
    this.fill = Object.defineProperties({} as { color: unknown }, { color: setter("fill.color") });
  }

  private set(key: string, value: unknown): void {
    this.range.write(`format.${key} = ${JSON.stringify(value)}`, 0, (t) =>
      t.sheet.formats.push({ range: t.range, key, value })
    );
  }

  set columnWidth(points: number) {
    this.range.write(`format.columnWidth = ${points}`, 0, (t) => {
      for (let c = 0; c < Math.min(t.range.cols, 16_384); c++)
        t.sheet.columnWidths.set(t.range.start.col + c, points);
    });
  }

  set useStandardWidth(value: boolean) {
    this.range.write(`format.useStandardWidth = ${value}`, 0, (t) => {
      if (!value) return;
      for (const col of [...t.sheet.columnWidths.keys()]) {
        if (col >= t.range.start.col && col < t.range.start.col + t.range.cols)
          t.sheet.columnWidths.delete(col);
      }
    });
  }
}

// ----------------------------------------------------------------------------------------------
// Tables
// ----------------------------------------------------------------------------------------------

class FakeTableCollection extends CollectionProxy<FakeTable, FakeTableProxy> {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet | null
  ) {
    super(context, worksheet ? "TableCollection(sheet)" : "TableCollection", () =>
      worksheet ? worksheet.sheetNow("tables").tables : context.book.tables
    );
  }

  protected wrap(table: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, () => table);
  }

  private find(name: string): FakeTable | undefined {
    const list = this.worksheet
      ? this.worksheet.sheetNow("tables").tables
      : this.context.book.tables;
    return list.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    const table = new FakeTableProxy(this.context);
    this.context.enqueue(
      "write",
      `tables.add(${typeof address === "string" ? address : "range"}, ${hasHeaders})`,
      () => {
        if (typeof address === "string")
          throw new Error(
            "the adapter should pass a Range (a string without a sheet means the active sheet)"
          );
        const { sheet, range } = address.target();
        if (this.worksheet && this.worksheet.sheetNow("tables.add") !== sheet)
          throw new Error("table range on another sheet");
        for (const other of this.context.book.tables) {
          if (other.sheet === sheet && overlaps(other.range, range)) {
            throw new FakeOfficeError(
              "InvalidOperation",
              "A table can't overlap another table.",
              "TableCollection.add"
            );
          }
        }
        const taken = new Set(this.context.book.tables.map((t) => t.name.toLowerCase()));
        let n = 1;
        while (taken.has(`table${n}`)) n++;
        const created: FakeTable = {
          id: `table-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `Table${n}`,
          sheet,
          range,
          style: "TableStyleMedium2",
          handlers: new Set(),
        };
        sheet.tables.push(created);
        table.bindTo(created);
      }
    );
    return table;
  }

  getItem(name: string): FakeTableProxy {
    const table = new FakeTableProxy(this.context, () => {
      const found = this.find(name);
      if (!found)
        throw new FakeOfficeError("ItemNotFound", `no table "${name}"`, "TableCollection.getItem");
      return found;
    });
    this.context.enqueue("get", `tables.getItem(${name})`, () => table.bindNowForGet());
    return table;
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    const table = new FakeTableProxy(this.context, () => this.find(name) ?? null);
    this.context.enqueue("get", `tables.getItemOrNullObject(${name})`, () => table.bindNowForGet());
    return table;
  }
}

class FakeTableProxy extends ClientObject<FakeTable> {
  readonly onChanged: {
    add(handler: (args: unknown) => unknown): { context: FakeContext; remove(): void };
  };
  readonly rows: { add(index?: number | null, values?: unknown[][]): void };

  constructor(context: FakeContext, resolver?: () => FakeTable | null) {
    super(context, "Table", resolver);
    this.rows = {
      add: (index, values) => {
        this.context.enqueue(
          "write",
          `table.rows.add(${values?.length ?? 1} rows)`,
          () => this.addRows(index, values),
          values ? arrayBytes(values) : 0
        );
      },
    };
    this.onChanged = {
      add: (handler) => {
        this.context.enqueue("write", "table.onChanged.add()", () =>
          this.resolve("onChanged").handlers.add(handler)
        );
        const registeredIn = this.context;
        return {
          context: registeredIn,
          remove: () => {
            // Excel.run(result.context, …) hands back that same context.
            registeredIn.enqueue("write", "table.onChanged.remove()", () =>
              this.resolve("onChanged").handlers.delete(handler)
            );
          },
        };
      },
    };
  }

  bindNowForGet(): void {
    this.bindNow();
  }

  protected override scalar(table: FakeTable, prop: string): unknown {
    switch (prop) {
      case "name":
        return table.name;
      case "id":
        return table.id;
      case "style":
        return table.style;
      case "showTotals":
        return table.showTotals ?? false;
    }
    return super.scalar(table, prop);
  }

  get showTotals(): boolean {
    return this.read("showTotals");
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.resolve("getRange");
      return { sheet: table.sheet, range: table.range };
    });
  }

  /**
   * TableRowCollection.add at the end (index null/undefined/-1), as Excel does it: the cells
   * below the table, in its columns, move down; the new rows take the number formats of the
   * table's last data row, then the values are typed in.
   */
  private addRows(index: number | null | undefined, values: unknown[][] | undefined): void {
    const table = this.resolve("rows.add");
    if (index !== undefined && index !== null && index !== -1)
      throw new Error("the fake adds table rows at the end only");
    if (table.showTotals) throw new Error("the fake does not add rows to a table with totals");
    const { start, rows, cols } = table.range;
    const data = values ?? [new Array<string>(cols).fill("")];
    if (data.length === 0 || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        "TableRowCollection.add"
      );
    }
    const sheet = table.sheet;
    const end = start.row + rows;
    const inColumns = (col: number) => col >= start.col && col < start.col + cols;
    const below = [...sheet.cells.entries()]
      .map(([k, cell]) => {
        const [row, col] = k.split(",").map(Number);
        return { row, col, cell, k };
      })
      .filter(({ row, col }) => row >= end && inColumns(col));
    for (const { k } of below) sheet.cells.delete(k);
    for (const { row, col, cell } of below) Object.assign(sheet.cell(row + data.length, col), cell);
    data.forEach((row, r) =>
      row.forEach((value, c) => {
        const format =
          rows > 1
            ? sheet.peek(
                formatRange({ start: { row: end - 1, col: start.col + c }, rows: 1, cols: 1 })
              )?.numberFormat
            : null;
        if (format) sheet.cell(end + r, start.col + c).numberFormat = format;
        sheet.typeIn(end + r, start.col + c, value);
      })
    );
    table.range = { start, rows: rows + data.length, cols };
    this.context.arrays.push({
      what: "rows.add",
      sheet: sheet.name,
      address: formatRange({ start: { row: end, col: start.col }, rows: data.length, cols }),
      data,
    });
  }

  get name(): string {
    return this.read("name");
  }

  set name(name: string) {
    this.context.enqueue("write", `table.name = ${name}`, () => {
      const table = this.resolve("name");
      const clash =
        this.context.book.tables.some(
          (t) => t !== table && t.name.toLowerCase() === name.toLowerCase()
        ) || this.context.book.names.some((n) => n.name.toLowerCase() === name.toLowerCase());
      if (clash)
        throw new FakeOfficeError("ItemAlreadyExists", `the name "${name}" is taken`, "Table.name");
      table.name = name;
    });
  }

  get id(): string {
    return this.read("id");
  }

  set style(style: string) {
    this.context.enqueue(
      "write",
      `table.style = ${style}`,
      () => (this.resolve("style").style = style)
    );
  }

  delete(): void {
    this.context.enqueue("write", "table.delete()", () => {
      const table = this.resolve("delete");
      table.sheet.tables = table.sheet.tables.filter((t) => t !== table);
      table.sheet.clear(table.range);
    });
  }
}

// ----------------------------------------------------------------------------------------------
// Charts
// ----------------------------------------------------------------------------------------------

class FakeChartCollection extends CollectionProxy<FakeChart, FakeChartProxy> {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet
  ) {
    super(context, "ChartCollection", () => worksheet.sheetNow("charts").charts);
  }

  protected wrap(chart: FakeChart): FakeChartProxy {
    return new FakeChartProxy(this.context, this.worksheet, () => chart);
  }

  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart = new FakeChartProxy(this.context, this.worksheet);
    this.context.enqueue("write", `charts.add(${type})`, () => {
      const sheet = this.worksheet.sheetNow("charts.add");
      const { sheet: sourceSheet, range } = source.target();
      const created: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: `${quoteSheetName(sourceSheet.name)}!${formatRange(range)}`,
        seriesBy: seriesBy ?? "Auto",
        title: null,
        position: null,
        categoryAxisTitle: null,
        valueAxisTitle: null,
      };
      sheet.charts.push(created);
      chart.bindTo(created);
    });
    return chart;
  }

  getItemAt(index: number): FakeChartProxy {
    const chart = new FakeChartProxy(this.context, this.worksheet, () => {
      const found = this.worksheet.sheetNow("charts.getItemAt").charts[index];
      if (!found)
        throw new FakeOfficeError(
          "ItemNotFound",
          `no chart at ${index}`,
          "ChartCollection.getItemAt"
        );
      return found;
    });
    this.context.enqueue("get", `charts.getItemAt(${index})`, () => chart.bindNowForGet());
    return chart;
  }
}

class FakeChartProxy extends ClientObject<FakeChart> {
  readonly title: { text: string; visible: boolean };
  readonly axes: {
    categoryAxis: { title: { text: string; visible: boolean } };
    valueAxis: { title: { text: string; visible: boolean } };
  };

  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    resolver?: () => FakeChart | null
  ) {
    super(context, "Chart", resolver);
    const titleOf = (label: string, set: (chart: FakeChart, text: string) => void) => {
      const write = (what: string, f: (chart: FakeChart) => void) =>
        this.context.enqueue("write", `${label}.${what}`, () => f(this.resolve(label)));
      return {
        set text(text: string) {
          write(`text = ${text}`, (chart) => set(chart, text));
        },
        get text(): string {
          throw new Error("the fake does not read titles");
        },
        set visible(_visible: boolean) {
          write("visible", () => undefined);
        },
        get visible(): boolean {
          throw new Error("the fake does not read titles");
        },
      };
    };
    this.title = titleOf("title", (chart, text) => (chart.title = text));
    this.axes = {
      categoryAxis: {
        title: titleOf("categoryAxis.title", (chart, text) => (chart.categoryAxisTitle = text)),
      },
      valueAxis: {
        title: titleOf("valueAxis.title", (chart, text) => (chart.valueAxisTitle = text)),
      },
    };
  }

  bindNowForGet(): void {
    this.bindNow();
  }

  protected override scalar(chart: FakeChart, prop: string): unknown {
    if (prop === "name") return chart.name;
    return super.scalar(chart, prop);
  }

  get name(): string {
    return this.read("name");
  }

  setPosition(start: string, end?: string): void {
    this.context.enqueue("write", `chart.setPosition(${start}, ${end})`, () => {
      if (!parseA1(start) || (end !== undefined && !parseA1(end))) {
        throw new FakeOfficeError("InvalidArgument", "bad chart position", "Chart.setPosition");
      }
      this.resolve("setPosition").position = { start, end };
    });
  }

  delete(): void {
    this.context.enqueue("write", "chart.delete()", () => {
      const chart = this.resolve("delete");
      const sheet = this.worksheet.sheetNow("chart.delete");
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

// ----------------------------------------------------------------------------------------------
// Names
// ----------------------------------------------------------------------------------------------

class FakeNamedItemCollection extends CollectionProxy<FakeName, FakeNamedItem> {
  constructor(context: FakeContext) {
    super(context, "NamedItemCollection", () => context.book.names);
  }

  protected wrap(name: FakeName): FakeNamedItem {
    return new FakeNamedItem(this.context, () => name);
  }

  add(name: string, reference: FakeRange | string): FakeNamedItem {
    const item = new FakeNamedItem(this.context);
    this.context.enqueue("write", `names.add(${name})`, () => {
      if (typeof reference === "string") throw new Error("the fake takes a Range for names.add");
      const book = this.context.book;
      const lower = name.toLowerCase();
      if (
        book.names.some((n) => n.name.toLowerCase() === lower) ||
        book.tables.some((t) => t.name.toLowerCase() === lower)
      ) {
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          `the name "${name}" already exists`,
          "NamedItemCollection.add"
        );
      }
      const { sheet, range } = reference.target();
      const ref = formatRange(range).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      const created: FakeName = { name, sheet, ref, visible: true };
      book.names.push(created);
      item.bindTo(created);
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.context, () => {
      const found = this.context.book.names.find(
        (n) => n.name.toLowerCase() === name.toLowerCase()
      );
      if (!found)
        throw new FakeOfficeError(
          "ItemNotFound",
          `no name "${name}"`,
          "NamedItemCollection.getItem"
        );
      return found;
    });
    this.context.enqueue("get", `names.getItem(${name})`, () => item.bindNowForGet());
    return item;
  }
}

class FakeNamedItem extends ClientObject<FakeName> {
  constructor(context: FakeContext, resolver?: () => FakeName | null) {
    super(context, "NamedItem", resolver);
  }

  bindNowForGet(): void {
    this.bindNow();
  }

  protected override scalar(item: FakeName, prop: string): unknown {
    const address = item.sheet
      ? `${quoteSheetName(item.sheet.name)}!${item.ref}`
      : `#REF!${item.ref}`;
    switch (prop) {
      case "name":
        return item.name;
      case "type":
        return item.sheet ? "Range" : "Error";
      case "value":
        return item.sheet ? address : "#REF!";
      case "formula":
        return `=${address}`;
      case "visible":
        return item.visible;
    }
    return super.scalar(item, prop);
  }

  get name(): string {
    return this.read("name");
  }

  get formula(): string {
    return this.read("formula");
  }

  get type(): string {
    return this.read("type");
  }

  get value(): string {
    return this.read("value");
  }

  get visible(): boolean {
    return this.read("visible");
  }

  set visible(visible: boolean) {
    this.context.enqueue(
      "write",
      `name.visible = ${visible}`,
      () => (this.resolve("visible").visible = visible)
    );
  }

  delete(): void {
    this.context.enqueue("write", "name.delete()", () => {
      const item = this.resolve("delete");
      this.context.book.names = this.context.book.names.filter((n) => n !== item);
    });
  }
}

// ----------------------------------------------------------------------------------------------
// Excel.run
// ----------------------------------------------------------------------------------------------

export interface FakeExcel {
  book: FakeBook;
  /** Every context Excel.run created, in order. */
  contexts: FakeContext[];
  /** Syncs over all contexts. */
  readonly syncs: SyncRecord[];
  restore(): void;
}

/** Installs `Excel.run` over `book` on the global object (until `restore()`). */
export function installFakeExcel(book: FakeBook): FakeExcel {
  const contexts: FakeContext[] = [];
  const previous = (globalThis as { Excel?: unknown }).Excel;
  const run = async (a: unknown, b?: unknown) => {
    const batch = (typeof a === "function" ? a : b) as (context: FakeContext) => Promise<unknown>;
    let context: FakeContext;
    if (typeof a === "function") {
      context = new FakeContext(book);
      contexts.push(context);
    } else {
      context = a as FakeContext;
    }
    const result = await batch(context);
    if (context.queue.length > 0) {
      const left = context.queue.map((op) => op.label);
      context.queue = [];
      throw new Error(`Excel.run ended with commands queued but never synced: ${left.join("; ")}`);
    }
    return result;
  };
  (globalThis as { Excel?: unknown }).Excel = { run };
  return {
    book,
    contexts,
    get syncs() {
      return contexts.flatMap((c) => c.syncs);
    },
    restore() {
      (globalThis as { Excel?: unknown }).Excel = previous;
    },
  };
}

/** A context over `book` without Excel.run, for constructing an OfficeWorkbook directly. */
export function fakeContext(book: FakeBook): FakeContext & Excel.RequestContext {
  return new FakeContext(book) as unknown as FakeContext & Excel.RequestContext;
}
