/**
 * The port contract's harness for the Office.js adapter: the adapter runs against the fake Excel,
 * and the probes look at the fake workbook (what Excel would hold after the commands ran).
 */
import { formatRange } from "../../../src/workbook/a1";
import { quoteSheetName } from "../../../src/workbook/sheetRef";
import { OfficeWorkbook, runInExcel } from "../../../src/workbook/office";
import type { SheetValue, WorkbookPort } from "../../../src/workbook/port";
import type { HarnessFactory, PortHarness, ProbeStyle, SheetProbe } from "../portContract";
import { fakeContext, installFakeExcel } from "./fakeExcel";
import { FakeBook, type FakeSheet, overlaps, parseAddress } from "./model";

function styleOf(formats: Record<string, unknown>): ProbeStyle {
  if (formats["font.size"] === 14 && formats["font.bold"] === true) return "title";
  if (formats["fill.color"] !== undefined && formats["font.bold"] === true) return "header";
  if (formats["font.italic"] === true) return "note";
  return null;
}

/** Points (Office.js) back to characters (the spec), inverting columnWidthPoints. */
export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

interface ListRule {
  list?: { source?: unknown; inCellDropDown?: boolean };
}

export function probeSheet(sheet: FakeSheet): SheetProbe {
  return {
    cell(a1) {
      const cell = sheet.peek(a1);
      return {
        value: cell?.value ?? null,
        formula: cell?.formula ?? null,
        numberFormat: cell?.numberFormat ?? null,
        style: styleOf(sheet.formatsAt(a1)),
      };
    },
    tables: () =>
      sheet.tables.map((t) => ({ name: t.name, range: formatRange(t.range), style: t.style })),
    validationAt(a1) {
      const at = parseAddress(a1)!;
      const found = [...sheet.validations].reverse().find((v) => overlaps(v.range, at));
      if (!found) return null;
      const source = String((found.rule as ListRule).list?.source ?? "");
      const alert = found.errorAlert as { message?: string } | null;
      return {
        list: source.startsWith("=") ? { source: source.slice(1) } : source.split(","),
        errorMessage: alert?.message ?? null,
      };
    },
    colorScales: () =>
      sheet.conditionalFormats
        .filter((f) => f.type === "ColorScale")
        .map((f) => {
          const criteria = f.criteria as Record<
            "minimum" | "midpoint" | "maximum",
            { color: string } | undefined
          >;
          return {
            range: formatRange(f.range),
            minColor: criteria.minimum!.color.toUpperCase(),
            ...(criteria.midpoint ? { midColor: criteria.midpoint.color.toUpperCase() } : {}),
            maxColor: criteria.maximum!.color.toUpperCase(),
          };
        }),
    freeze: () =>
      sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
        ? { ...sheet.freeze }
        : null,
    columnWidth(index) {
      const points = sheet.columnWidths.get(index);
      return points === undefined ? null : pointsToChars(points);
    },
    tabColor: () => (sheet.tabColor ? sheet.tabColor.toUpperCase() : null),
  };
}

export function definedNames(book: FakeBook): { name: string; ref: string }[] {
  return book.names.map((n) => ({
    name: n.name,
    ref: n.sheet ? `${quoteSheetName(n.sheet.name)}!${n.ref}` : `#REF!${n.ref}`,
  }));
}

function harness(book: FakeBook, port: WorkbookPort): PortHarness {
  return {
    port,
    sheet: (name) => probeSheet(book.sheet(name)),
    definedNames: () => definedNames(book),
    hideSheet: (name) => {
      book.sheet(name).visibility = "Hidden";
    },
  };
}

function bookOf(userSheets: { name: string; values: SheetValue[][] }[] = []): FakeBook {
  return FakeBook.with(Object.fromEntries(userSheets.map((s) => [s.name, s.values])));
}

/** One OfficeWorkbook over one request context for every call (a long action). */
export const oneContextFactory: HarnessFactory = async (userSheets) => {
  const book = bookOf(userSheets);
  return harness(book, new OfficeWorkbook(fakeContext(book)));
};

/** Every port call is its own action: runInExcel, so one Excel.run and a fresh context each. */
export const runPerCallFactory: HarnessFactory = async (userSheets) => {
  const book = bookOf(userSheets);
  installFakeExcel(book);
  const port = new Proxy({} as WorkbookPort, {
    get:
      (_, method: keyof WorkbookPort) =>
      (...args: unknown[]) =>
        runInExcel((workbook) =>
          (workbook[method] as (...a: unknown[]) => Promise<unknown>)(...args)
        ),
  });
  return harness(book, port);
};
