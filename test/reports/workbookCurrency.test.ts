/**
 * Money on the report tabs is in the workbook's currency (the Settings sheet's `Currency` and
 * `Locale`, default USD): every tab CompAlign writes for the sample — the Alignment View, each
 * scenario tab, the Scenario Comparison, the Pulse Check, the plan pages and Plan Cost at Risk —
 * on a EUR workbook carries no "$" in any number format, and its money cells read as the pane
 * reads the same figure (src/engine/figures.ts). LibreOffice, a second spreadsheet application,
 * shows the € on the written file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runRiskAction } from "../../src/actions";
import { figures, type FigureSettings } from "../../src/engine/figures";
import { moneyFormats, FORMATS } from "../../src/reports/format";
import { HEADLINE_ROWS } from "../../src/reports/comparisonHeadline";
import { RISK_TAB } from "../../src/reports/riskSheet";
import { SCENARIO_COMPARISON } from "../../src/reports/scenarioSheets";
import { displayText } from "../../src/workbook/displayText";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { HAS_SOFFICE, convertWithLibreOffice } from "../helpers/libreOffice";
import { RUN_DATE, writeSampleTabs } from "./sampleTabs";

const EUR: FigureSettings = { currency: "EUR", locale: "de-DE" };

async function withSettings(book: WorkbookPort, rows: string[][]) {
  await book.createSheet({
    name: "Settings",
    blocks: [{ at: "A1", values: [["Setting", "Value"], ...rows] }],
  });
}

/** Every report tab of the sample, written on `book` (Settings first when given), plus cost at risk with 200 trials. */
async function writeAll(
  book: WorkbookPort & { runDate: string | null },
  settings: string[][] | null
) {
  book.runDate = RUN_DATE;
  if (settings) await withSettings(book, settings);
  await book.createSheet({
    name: "Risk Settings",
    blocks: [
      {
        at: "A1",
        values: [
          ["Setting", "Value"],
          ["Trials", 200],
        ],
      },
    ],
  });
  await writeSampleTabs(book);
  await runRiskAction(book, { write: true });
  return book.ownedSheets();
}

const formatsOf = (book: MemoryWorkbook, name: string) =>
  book
    .snapshot(name)
    .numberFormats.flat()
    .filter((f): f is string => f !== null);

/** The row of `sheet` whose first cell is `label` (0-based). */
const rowOf = (book: MemoryWorkbook, sheet: string, label: string) =>
  book.snapshot(sheet).values.findIndex((r) => r[0] === label);

describe("report tabs on a EUR workbook (Settings: Currency EUR, Locale de-DE)", () => {
  let book: MemoryWorkbook;
  let owned: string[];
  beforeAll(async () => {
    book = new MemoryWorkbook();
    owned = await writeAll(book, [
      ["Currency", "EUR"],
      ["Locale", "de-DE"],
    ]);
  }, 120_000);

  it("no number format of any report tab is in dollars; every money tab has € formats", () => {
    const money = moneyFormats(EUR);
    expect(money.currency).toBe('#,##0 "€"');
    expect(money.signedCurrency).toBe('+#,##0 "€";-#,##0 "€";0 "€"');
    expect(money.currencyPerUnit).toBe('0.000 "€"');
    const tabs = owned.filter((n) => !/^Pulse/.test(n));
    expect(tabs).toEqual(
      expect.arrayContaining([
        "Alignment View",
        SCENARIO_COMPARISON,
        RISK_TAB,
        "Plan - Enterprise AE",
      ])
    );
    for (const name of owned) {
      const formats = formatsOf(book, name);
      expect([name, formats.filter((f) => f.includes("$"))]).toEqual([name, []]);
    }
    // Pulse has no money figure; every other tab has some, all in euros.
    for (const name of tabs)
      expect([name, formatsOf(book, name).some((f) => f.includes('"€"'))]).toEqual([name, true]);
  });

  it("the comparison's headline reads as the pane reads the same figure", () => {
    const snap = book.snapshot(SCENARIO_COMPARISON);
    const total = rowOf(book, SCENARIO_COMPARISON, HEADLINE_ROWS[0].label);
    const delta = rowOf(book, SCENARIO_COMPARISON, HEADLINE_ROWS[1].label);
    expect(total).toBeGreaterThan(0);
    const value = snap.values[total][1] as number;
    expect(snap.numberFormats[total][1]).toBe('#,##0 "€"');
    expect(snap.numberFormats[delta][2]).toBe('+#,##0 "€";-#,##0 "€";0 "€"');
    // Digits and symbol agree with the pane (whose separators follow the locale: "." there, "," in
    // an en-US Excel, which takes separators from the system, not from the format).
    const pane = figures(EUR).money(value).replace(/\s/g, " ");
    expect(displayText(value, snap.numberFormats[total][1]!)).toBe(pane.replace(/\./g, ","));
    const d = snap.values[delta][2] as number;
    expect(displayText(d, snap.numberFormats[delta][2]!)).toBe(
      figures(EUR).signedMoney(d).replace(/\s/g, " ").replace(/\./g, ",")
    );
  });

  it("the cost-at-risk sentences and histogram bins speak euros", () => {
    const text = book
      .snapshot(RISK_TAB)
      .values.flat()
      .filter((v): v is string => typeof v === "string");
    const sentences = text.filter((t) => t.includes("In 9 years out of 10"));
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) {
      expect(s).toMatch(/\d(\.\d)?[MK]? €/);
      expect(s).not.toContain("$");
    }
    expect(text.filter((t) => /–/.test(t) && t.includes("€")).length).toBeGreaterThan(0);
    expect(text.filter((t) => /\$\d/.test(t))).toEqual([]);
  });

  it("the plan pages' words give amounts in euros (median target incentive, how to earn more)", () => {
    const text = book
      .snapshot("Plan - Enterprise AE")
      .values.flat()
      .filter((v): v is string => typeof v === "string");
    expect(text.filter((t) => /\$\d/.test(t))).toEqual([]);
    const note = text.find((t) => t.startsWith("Amounts are for the median target incentive"));
    expect(note).toMatch(/: \d{1,3}(,\d{3})* €\.$/);
    expect(text.some((t) => /\d €( more| on)/.test(t))).toBe(true);
  });

  it("the Alignment View's marginal-pay header names the currency", () => {
    const header = book.snapshot("Alignment View").values.flat();
    expect(header).toContain("€ per point (median TI)");
    expect(header).not.toContain("$ per point (median TI)");
  });
});

describe("report tabs without a Settings sheet stay in US dollars", () => {
  it("money formats are $#,##0 and the signed Δ +$#,##0", async () => {
    const book = new MemoryWorkbook();
    await writeAll(book, null);
    const snap = book.snapshot(SCENARIO_COMPARISON);
    const total = rowOf(book, SCENARIO_COMPARISON, HEADLINE_ROWS[0].label);
    const delta = rowOf(book, SCENARIO_COMPARISON, HEADLINE_ROWS[1].label);
    expect(snap.numberFormats[total][1]).toBe(FORMATS.currency);
    expect(FORMATS.currency).toBe("$#,##0");
    expect(snap.numberFormats[delta][2]).toBe("+$#,##0;-$#,##0;$0");
    expect(formatsOf(book, RISK_TAB)).toContain("$#,##0");
    expect(book.snapshot("Alignment View").values.flat()).toContain("$ per point (median TI)");
  }, 120_000);
});

(HAS_SOFFICE ? describe : describe.skip)("LibreOffice opens the EUR file and shows €", () => {
  it("the Scenario Comparison's Total payout and the cost-at-risk table show € amounts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compalign-eur-"));
    try {
      const book = XlsxWorkbook.empty();
      await writeAll(book, [["Currency", "EUR"]]);
      const file = join(dir, "eur.xlsx");
      writeFileSync(file, await book.toBuffer());
      // CSV "as shown" (token 9), UTF-8 (76), every sheet to its own file (token 12: -1).
      const run = convertWithLibreOffice(
        file,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        dir
      );
      expect(run.status).toBe(0);
      const csv = (sheet: string) => {
        const name = readdirSync(dir).find((f) => f === `eur-${sheet}.csv`);
        expect([sheet, name]).toEqual([sheet, `eur-${sheet}.csv`]);
        return readFileSync(join(dir, name!), "utf8");
      };
      const total = csv(SCENARIO_COMPARISON)
        .split("\n")
        .find(
          (l) =>
            l.startsWith(`"${HEADLINE_ROWS[0].label}"`) ||
            l.startsWith(`${HEADLINE_ROWS[0].label},`)
        )!;
      // EUR in en-US: the symbol first ("€22,814,230"), as the pane's formatter writes it.
      expect(total).toMatch(/€\d{1,3}(,\d{3})+/);
      expect(total).not.toContain("$");
      const risk = csv(RISK_TAB);
      expect(risk).toMatch(/€\d{1,3}(,\d{3})+/);
      expect(risk).not.toMatch(/\$\d/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
