/**
 * The Office.js adapter's print setup, value colours, wrapping and row heights: what
 * `queueDecorations` queues on a recording stand-in for a worksheet, with the host's requirement
 * sets switched on and off (`Office.context.requirements.isSetSupported`).
 */
import { headerSections, queueDecorations } from "../../src/workbook/office/sheetWriter";
import type { SheetSpec } from "../../src/workbook/port";
import { arrangeReport } from "../../src/workbook/reportLayout";

type Call = [string, ...unknown[]];

function recordingSheet(calls: Call[]) {
  const setter = (path: string) =>
    new Proxy(
      {},
      {
        set(_t, key, value) {
          calls.push([`${path}.${String(key)}`, value]);
          return true;
        },
        get(_t, key) {
          return setter(`${path}.${String(key)}`);
        },
      }
    );
  const range = (address: string) => ({
    format: setter(`range(${address}).format`),
    conditionalFormats: {
      add(type: string) {
        calls.push([`range(${address}).conditionalFormats.add`, type]);
        return { cellValue: setter(`range(${address}).cellValue`) };
      },
    },
  });
  return {
    getRange: (address: string) => range(address),
    freezePanes: {
      freezeRows: (n: number) => calls.push(["freezeRows", n]),
      freezeAt: () => calls.push(["freezeAt"]),
      freezeColumns: (n: number) => calls.push(["freezeColumns", n]),
    },
    pageLayout: new Proxy(
      {
        setPrintArea: (a: string) => calls.push(["pageLayout.setPrintArea", a]),
        setPrintTitleRows: (a: string) => calls.push(["pageLayout.setPrintTitleRows", a]),
        headersFooters: {
          defaultForAllPages: { set: (v: unknown) => calls.push(["headersFooters.set", v]) },
        },
      },
      {
        set(_t, key, value) {
          calls.push([`pageLayout.${String(key)}`, value]);
          return true;
        },
      }
    ),
    horizontalPageBreaks: { add: (a: string) => calls.push(["horizontalPageBreaks.add", a]) },
    set tabColor(v: string) {
      calls.push(["tabColor", v]);
    },
  };
}

const spec: SheetSpec = {
  name: "Comparison",
  blocks: [
    { at: "A1", values: [["Figure", "Baseline", "Quotas up"]], style: "header" },
    ...Array.from({ length: 120 }, (_, i) => ({
      at: `A${i + 2}`,
      values: [[`Row ${i + 1}`, 1000 + i, -5 + i]],
      numberFormats: [null, "$#,##0", "+$#,##0;-$#,##0;$0"],
    })),
  ],
  tables: [],
  valueColors: [
    { range: "C2:C121", operator: "lessThan", value: 0, fontColor: "#107C10" },
    { range: "C2:C121", operator: "greaterThan", value: 0, fontColor: "#A4262C" },
  ],
};

function decorate(supported: string[]): Call[] {
  const calls: Call[] = [];
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) =>
          set === "ExcelApi" && supported.includes(version),
      },
    },
  };
  try {
    queueDecorations(
      {} as Excel.RequestContext,
      recordingSheet(calls) as unknown as Excel.Worksheet,
      arrangeReport(spec, { runDate: "2026-12-06" })
    );
  } finally {
    delete (globalThis as { Office?: unknown }).Office;
  }
  return calls;
}

test("header and footer codes split into Office.js's left, centre and right sections", () => {
  expect(headerSections("&L&A&C&F&RRun 2026-12-06")).toEqual({
    left: "&A",
    center: "&F",
    right: "Run 2026-12-06",
  });
  expect(headerSections("&RPage &P of &N")).toEqual({
    left: "",
    center: "",
    right: "Page &P of &N",
  });
  expect(headerSections("&LQ1 && Q2")).toEqual({ left: "Q1 && Q2", center: "", right: "" });
});

test("with ExcelApi 1.9: orientation, fit to one page wide, print area, titles, header/footer, breaks", () => {
  const calls = decorate(["1.1", "1.6", "1.9"]);
  const laid = arrangeReport(spec, { runDate: "2026-12-06" });
  expect(calls).toEqual(
    expect.arrayContaining([
      [
        "pageLayout.orientation",
        laid.print!.orientation === "landscape" ? "Landscape" : "Portrait",
      ],
      ["pageLayout.zoom", { horizontalFitToPages: 1 }],
      ["pageLayout.setPrintArea", laid.print!.area],
      ["pageLayout.setPrintTitleRows", "$1:$1"],
      [
        "headersFooters.set",
        {
          leftHeader: "&A",
          centerHeader: "&F",
          rightHeader: "Run 2026-12-06",
          leftFooter: "",
          centerFooter: "",
          rightFooter: "Page &P of &N",
        },
      ],
    ])
  );
  const breaks = calls.filter((c) => c[0] === "horizontalPageBreaks.add").map((c) => c[1]);
  expect(breaks.length).toBeGreaterThan(0);
  expect(breaks).toEqual(laid.print!.rowBreaks.map((row) => `A${row + 1}`));
  // Value colours: one cell-value rule per colour, with the sign rule.
  expect(calls.filter((c) => c[0] === "range(C2:C121).conditionalFormats.add")).toHaveLength(2);
  expect(calls).toEqual(
    expect.arrayContaining([
      ["range(C2:C121).cellValue.format.font.color", "#107C10"],
      ["range(C2:C121).cellValue.rule", { formula1: "0", operator: "LessThan" }],
      ["range(C2:C121).cellValue.rule", { formula1: "0", operator: "GreaterThan" }],
      // The header row wraps, top-aligned.
      ["range(A1:C1).format.wrapText", true],
      ["range(A1:C1).format.verticalAlignment", "Top"],
    ])
  );
});

test("without ExcelApi 1.9 (or 1.6) the tab is written without print setup (or value colours)", () => {
  const calls = decorate(["1.1"]);
  expect(calls.some((c) => String(c[0]).startsWith("pageLayout"))).toBe(false);
  expect(calls.some((c) => c[0] === "horizontalPageBreaks.add")).toBe(false);
  expect(calls.some((c) => String(c[0]).includes("conditionalFormats"))).toBe(false);
  // Widths and wrapping are the same as anywhere.
  expect(calls).toEqual(expect.arrayContaining([["range(A1:C1).format.wrapText", true]]));
  expect(calls.some((c) => String(c[0]).endsWith("format.columnWidth"))).toBe(true);
});
