/**
 * Print setup in files: the xlsx adapter writes every owned tab's print setup (read back with
 * exceljs), and LibreOffice — a second, independent spreadsheet application — prints the sample
 * as the layout pass intends: pages per tab from the page header (&A names the tab), the
 * Scenario Comparison on at most 3 pages, and no chart split across pages. Screenshots of each
 * owned tab's first page and of each page with a chart go to test/e2e/artifacts/print/.
 * The LibreOffice part is skipped where soffice or poppler (pdftotext, pdftoppm) is missing.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Workbook } from "exceljs";
import { parseRange } from "../../src/workbook/a1";
import type { SheetSnapshot } from "../../src/workbook/memory";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { ChartSpec, PrintSpec } from "../../src/workbook/port";
import { RUN_DATE, writeSampleTabs } from "./sampleTabs";

const has = (tool: string, arg = "-v") => spawnSync(tool, [arg], { encoding: "utf8" }).status === 0;
const tools = has("soffice", "--version") && has("pdftotext") && has("pdftoppm");
const ARTIFACTS = join(__dirname, "..", "e2e", "artifacts", "print");

let dir: string;
let owned: string[];
let prints: Map<string, PrintSpec>;
let snapshots: Map<string, SheetSnapshot>;
let charts: Map<string, ChartSpec[]>;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compalign-print-"));
  const book = XlsxWorkbook.empty();
  book.runDate = RUN_DATE;
  owned = await writeSampleTabs(book);
  charts = new Map(owned.map((name) => [name, book.charts(name)]));
  file = join(dir, "sample.xlsx");
  writeFileSync(file, await book.toBuffer());
  // What the layout pass decided, from the memory twin of the same run (the same pass).
  const { MemoryWorkbook } = await import("../../src/workbook/memory");
  const twin = new MemoryWorkbook();
  twin.runDate = RUN_DATE;
  await writeSampleTabs(twin);
  snapshots = new Map(owned.map((name) => [name, twin.snapshot(name)]));
  prints = new Map(owned.map((name) => [name, twin.snapshot(name).print!]));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the file holds every owned tab's print setup as Excel reads it", async () => {
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(file) as never);
  for (const name of owned) {
    const sheet = workbook.getWorksheet(name)!;
    const print = prints.get(name)!;
    expect([name, sheet.pageSetup]).toEqual([
      name,
      expect.objectContaining({
        orientation: print.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      }),
    ]);
    expect(sheet.headerFooter).toEqual(
      expect.objectContaining({
        oddHeader: `&L&A&C&F&RRun ${RUN_DATE}`,
        oddFooter: "&RPage &P of &N",
      })
    );
  }
  // Page breaks (exceljs does not read them back): each sheet part's <rowBreaks>.
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const name of owned) {
    const escaped = name.replace(/&/g, "&amp;");
    const rid = new RegExp(
      `<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="(rId\\d+)"`
    ).exec(xml)![1];
    const target = new RegExp(
      `Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`
    ).exec(rels)!;
    const part = await zip
      .file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`)!
      .async("string");
    const breaks = [...part.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect([name, breaks]).toEqual([name, prints.get(name)!.rowBreaks]);
  }
  // The print area and repeated rows are the sheet's _xlnm defined names.
  expect(xml).toMatch(
    /<definedName name="_xlnm.Print_Area" localSheetId="\d+">(&apos;)?Baseline(&apos;)?!\$A\$?1:\$P\$?361</
  );
  expect(xml).toMatch(
    /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">(&apos;)?Baseline(&apos;)?!\$1:\$1</
  );
  // CompAlign reads its own file back.
  await expect(XlsxWorkbook.fromBuffer(readFileSync(file))).resolves.toBeDefined();
});

/** Mean darkness (0–255) of a PGM image inside a box given in points (72 dpi render). */
function darkness(pgm: Buffer, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString("latin1", 0, 50))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = pgm.subarray(header[0].length);
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(height, Math.ceil(box.y1)); y++)
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(width, Math.ceil(box.x1)); x++) {
      sum += 255 - data[y * width + x];
      n++;
    }
  return n ? sum / n : 0;
}

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words of every page with their boxes (pdftotext -bbox). */
function pageWords(pdf: string): Word[][] {
  const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }).stdout;
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        ),
      ].map((m) => ({
        x0: +m[1],
        y0: +m[2],
        x1: +m[3],
        y1: +m[4],
        text: m[5].replace(/&amp;/g, "&"),
      }))
    );
}

/** Boxes where `phrase` appears as consecutive words on a line. */
function find(words: Word[], phrase: string): Word[] {
  const want = phrase.split(/\s+/);
  const found: Word[] = [];
  for (let i = 0; i + want.length <= words.length; i++) {
    if (
      want.every((w, k) => words[i + k].text === w && Math.abs(words[i + k].y0 - words[i].y0) < 2)
    ) {
      const last = words[i + want.length - 1];
      found.push({ text: phrase, x0: words[i].x0, y0: words[i].y0, x1: last.x1, y1: last.y1 });
    }
  }
  return found;
}

interface Page {
  tab: string;
  text: string;
  words: Word[];
}

interface Printed {
  pdf: string;
  pages: Page[];
  /** Renders one page (1-based) to a .pgm (72 dpi: pixels are points) or .png file. */
  render(page: number, to: string, dpi?: number): string;
}

/** Prints an .xlsx file to PDF with LibreOffice; each page's tab is read from its header (&A). */
function printWithLibreOffice(xlsx: string, tabs: readonly string[]): Printed {
  const outdir = mkdtempSync(join(dir, "pdf-"));
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  const convert = spawnSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "pdf",
      "--outdir",
      outdir,
      xlsx,
    ],
    { encoding: "utf8", timeout: 240_000 }
  );
  rmSync(profile, { recursive: true, force: true });
  expect(convert.status).toBe(0);
  const pdf = join(outdir, basename(xlsx).replace(/\.xlsx$/, ".pdf"));
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }).stdout;
  const words = pageWords(pdf);
  // Longest name first: "Cloud weight 40%" is the start of "Cloud weight 40% + accelerator".
  const byLength = [...tabs].sort((a, b) => b.length - a.length);
  const pages = text
    .split("\f")
    .slice(0, words.length)
    .map((page, i) => ({
      tab: byLength.find((name) => page.trimStart().startsWith(name)) ?? "(input sheet)",
      text: page,
      words: words[i],
    }));
  const render = (page: number, to: string, dpi = 72) => {
    spawnSync("pdftoppm", [
      "-f",
      String(page),
      "-l",
      String(page),
      "-r",
      String(dpi),
      "-singlefile",
      ...(to.endsWith(".png") ? ["-png"] : ["-gray"]),
      pdf,
      to.replace(/\.(png|pgm)$/, ""),
    ]);
    return to;
  };
  return { pdf, pages, render };
}

/**
 * The page a chart prints whole on, or why it does not: its title shows on exactly one page, and
 * its bottom — the x-axis title, else the legend's first series name — shows on the same page,
 * below the title and centred under it. (LibreOffice also draws a chart, clipped away, on a page
 * it does not print it on: only text with dark pixels under it counts.)
 */
function chartPage(
  printed: Printed,
  tab: string,
  chart: ChartSpec,
  firstSeries: string
): { page: number } | { problem: string } {
  const visible = (phrase: string, large = false) =>
    printed.pages.flatMap((page, i) => {
      if (page.tab !== tab) return [];
      // A chart's title is set larger than the cells (a section label may read the same).
      const heights = page.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
      const cell = heights[Math.floor(heights.length / 2)];
      const boxes = find(page.words, phrase).filter((b) => !large || b.y1 - b.y0 > cell * 1.1);
      if (boxes.length === 0) return [];
      const image = readFileSync(printed.render(i + 1, join(dir, `p${i + 1}.pgm`)));
      return boxes.filter((b) => darkness(image, b) > 8).map((box) => ({ page: i, box }));
    });
  // Its first words (a long title wraps on to a second line).
  const titles = visible(chart.title.split(/\s+/).slice(0, 3).join(" "), true);
  if (titles.length !== 1) return { problem: `title shows on ${titles.length} pages` };
  const [{ page, box: title }] = titles;
  const bottom = chart.xAxisTitle ?? firstSeries.split(/\s+/)[0];
  const centre = (b: Word) => (b.x0 + b.x1) / 2;
  const below = visible(bottom).filter(
    (v) =>
      v.page === page &&
      v.box.y0 > title.y1 + 20 &&
      v.box.y0 < title.y1 + 400 &&
      Math.abs(centre(v.box) - centre(title)) < 110
  );
  return below.length > 0
    ? { page }
    : { problem: `"${bottom}" is not under the title on its page` };
}

(tools ? describe : describe.skip)("LibreOffice prints the sample", () => {
  let printed: Printed;
  let pages: Page[];

  beforeAll(() => {
    printed = printWithLibreOffice(file, owned);
    pages = printed.pages;
  }, 300_000);

  test("every owned tab prints with the header and footer; Scenario Comparison on at most 3 pages", () => {
    const count = new Map<string, number>();
    for (const page of pages) count.set(page.tab, (count.get(page.tab) ?? 0) + 1);
    for (const name of owned) expect([name, (count.get(name) ?? 0) > 0]).toEqual([name, true]);
    expect(count.get("Scenario Comparison")).toBeLessThanOrEqual(3);
    for (const page of pages.filter((p) => p.tab !== "(input sheet)")) {
      expect(page.text).toContain(`Run ${RUN_DATE}`);
      expect(page.text).toContain("sample.xlsx");
      expect(page.text).toMatch(/Page \d+ of \d+/);
    }
    // Pages per tab, for the record.
    writeFileSync(
      join(dir, "pages.json"),
      JSON.stringify(Object.fromEntries(owned.map((n) => [n, count.get(n)])), null, 1)
    );
  });

  test("no chart is split across pages: its title and its bottom (axis title or legend) show on one page", () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    let checked = 0;
    for (const name of owned) {
      for (const chart of charts.get(name) ?? []) {
        const range = parseRange(chart.dataRange)!;
        const series = String(snapshots.get(name)!.values[range.start.row][range.start.col + 1]);
        const where = chartPage(printed, name, chart, series);
        expect([name, chart.title, where]).toEqual([
          name,
          chart.title,
          { page: expect.any(Number) },
        ]);
        if ("page" in where)
          printed.render(where.page + 1, join(ARTIFACTS, `chart-${checked + 1}.png`), 60);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });

  test("the check sees a chart a page break cuts (a tab printed without the layout pass)", async () => {
    const chart: ChartSpec = {
      type: "column",
      title: "Deliberately cut chart",
      dataRange: "A1:B6",
      at: "A8",
      widthCells: 6,
      heightCells: 16,
      xAxisTitle: "Split axis",
    };
    const book = XlsxWorkbook.empty();
    await book.writeOwnedSheets([
      {
        name: "Cut",
        blocks: [
          {
            at: "A1",
            values: [
              ["Bin", "Reps"],
              ["a", 3],
              ["b", 5],
              ["c", 2],
              ["d", 7],
              ["e", 4],
            ],
          },
        ],
        charts: [chart],
        // A print setup of its own (so the pass leaves it): a page starts in the chart's middle.
        print: {
          area: "A1:F24",
          orientation: "portrait",
          fitToWidth: 1,
          fitToHeight: 0,
          header: "&L&A",
          footer: "",
          rowBreaks: [15],
        },
      },
    ]);
    const cut = join(dir, "cut.xlsx");
    writeFileSync(cut, await book.toBuffer());
    const where = chartPage(printWithLibreOffice(cut, ["Cut"]), "Cut", chart, "Reps");
    expect(where).toEqual({ problem: expect.any(String) });
  }, 120_000);

  test("screenshots of each owned tab's first page", () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    owned.forEach((name, k) => {
      const first = pages.findIndex((p) => p.tab === name);
      const to = join(
        ARTIFACTS,
        `tab-${String(k + 1).padStart(2, "0")}-${name.replace(/[^A-Za-z0-9]+/g, "-")}.png`
      );
      printed.render(first + 1, to, 60);
      expect(readFileSync(to).length).toBeGreaterThan(1000);
    });
  });
});
