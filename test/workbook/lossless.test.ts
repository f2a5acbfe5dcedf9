/**
 * Lossless writes: `compalign scenarios IN --out OUT` on workbooks holding what a finance user's
 * file holds (a native chart, a pivot table and its cache, an image, a comment and its VML
 * drawing, a colour scale, a data validation, a defined name, a hidden sheet, an external link;
 * an .xlsm with a VBA project part). Every part of the input is in the output with the same
 * compressed bytes, except the listing parts, which still list everything the input listed.
 * Run again on its own output, CompAlign replaces only its own parts. Where LibreOffice is
 * installed, it opens the output and still shows the user's chart, pivot table, image and
 * comment (counted in its conversion to .ods).
 * Fixtures: test/fixtures/lossless/ (built by scripts/make-lossless-fixtures.js).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attributes } from "../../src/workbook/xlsx/charts/xml";
import { entryText, readZip, type ZipEntry } from "../../src/workbook/xlsx/zipPackage";
import { compalign, ensureCompiledCli } from "../cli/compiledCli";

const FIXTURES = join(__dirname, "..", "fixtures", "lossless");
/** The parts that list others: they are rewritten, and must still list what they listed. */
const LISTING = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

let dir: string;
beforeAll(() => {
  ensureCompiledCli();
  dir = mkdtempSync(join(tmpdir(), "compalign-lossless-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parts = (file: string) => new Map(readZip(readFileSync(file)).map((e) => [e.name, e]));
const tags = (xml: string, local: string) =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${local}\\b[^>]*>`, "g"))].map((m) => attributes(m[0]));
const definedNames = (xml: string) =>
  [...xml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
const text = (map: Map<string, ZipEntry>, name: string) => entryText(map.get(name)!);

function expectLossless(input: string, output: string, userParts = [...parts(input).keys()]) {
  const before = parts(input);
  const after = parts(output);
  for (const name of userParts) {
    if (LISTING.has(name)) continue;
    const a = before.get(name)!;
    const b = after.get(name);
    expect({ name, present: b !== undefined }).toEqual({ name, present: true });
    expect({ name, same: Buffer.compare(a.raw, b!.raw) === 0, crc: b!.crc }).toEqual({
      name,
      same: true,
      crc: a.crc,
    });
  }
  // The listing parts still list everything the input listed.
  const types = (m: Map<string, ZipEntry>) => [
    ...tags(text(m, "[Content_Types].xml"), "Override"),
    ...tags(text(m, "[Content_Types].xml"), "Default"),
  ];
  expect(types(after)).toEqual(expect.arrayContaining(types(before)));
  const rels = (m: Map<string, ZipEntry>) =>
    tags(text(m, "xl/_rels/workbook.xml.rels"), "Relationship");
  expect(rels(after)).toEqual(expect.arrayContaining(rels(before)));
  const workbook = (m: Map<string, ZipEntry>) => text(m, "xl/workbook.xml");
  expect(tags(workbook(after), "sheet")).toEqual(
    expect.arrayContaining(tags(workbook(before), "sheet"))
  );
  expect(definedNames(workbook(after))).toEqual(
    expect.arrayContaining(
      definedNames(workbook(before)).filter((n) => !n.includes("CompAlign_Owned_"))
    )
  );
  for (const listed of ["externalReference", "pivotCache", "workbookPr", "calcPr"]) {
    expect(tags(workbook(after), listed)).toEqual(tags(workbook(before), listed));
  }
  // Styles: the input's formats keep their indexes (CompAlign's are appended).
  const xfs = (m: Map<string, ZipEntry>) =>
    /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text(m, "xl/styles.xml"))![1];
  expect(xfs(after).startsWith(xfs(before))).toBe(true);
}

describe.each(["user-content.xlsx", "user-content.xlsm"])("scenarios --out on %s", (fixture) => {
  const input = join(FIXTURES, fixture);
  const ext = fixture.slice(fixture.lastIndexOf("."));
  const out = () => join(dir, `out-${fixture}`);
  const again = () => join(dir, `again-${fixture}`);

  it("copies every part of the input byte for byte; the listing parts still list everything", () => {
    const run = compalign("scenarios", input, "--out", out());
    expect(run.stderr).toContain("wrote");
    expect(run.status).toBe(0);
    expectLossless(input, out());
    const written = parts(out());
    // What the fixture holds is really there (a check on the fixture itself).
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/media/image1.png",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/externalLinks/externalLink1.xml",
      ...(ext === ".xlsm" ? ["xl/vbaProject.bin"] : []),
    ]) {
      expect(written.has(part)).toBe(true);
    }
    const workbookXml = text(written, "xl/workbook.xml");
    expect(workbookXml).toMatch(/<sheet name="Secret" sheetId="3" state="hidden"/);
    expect(workbookXml).toContain('name="SalesRange"');
    // CompAlign's ownership marks are hidden names, one per tab it wrote.
    expect(workbookXml.match(/<definedName name="CompAlign_Owned_\d+" hidden="1">/g)).toHaveLength(
      5
    );
    if (ext === ".xlsm") {
      expect(text(written, "[Content_Types].xml")).toContain(
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      );
    }
  }, 60000);

  it("run again on its own output, replaces only CompAlign's parts and keeps the user's", () => {
    const run = compalign("scenarios", out(), "--out", again());
    expect(run.status).toBe(0);
    const original = [...parts(input).keys()];
    expectLossless(input, again(), original);
    // CompAlign's sheets were replaced in place: no second set of tabs, charts or tables.
    const first = parts(out());
    const second = parts(again());
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const sheets = (m: Map<string, ZipEntry>) =>
      tags(text(m, "xl/workbook.xml"), "sheet").map((s) => s.name);
    expect(sheets(second)).toEqual(sheets(first));
    expect(definedNames(text(second, "xl/workbook.xml"))).toEqual(
      definedNames(text(first, "xl/workbook.xml"))
    );
  }, 60000);

  const soffice = spawnSync("which", ["soffice"]).status === 0;
  (soffice ? it : it.skip)(
    "opens in LibreOffice with the user's chart, pivot table, image and comment (plus CompAlign's charts)",
    () => {
      const count = (file: string) => {
        const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
        const outdir = mkdtempSync(join(dir, "ods-"));
        try {
          execFileSync(
            "soffice",
            [
              "--headless",
              "--norestore",
              `-env:UserInstallation=file://${profile}`,
              "--convert-to",
              "ods",
              "--outdir",
              outdir,
              file,
            ],
            { stdio: "ignore", timeout: 120000 }
          );
          const content = execFileSync(
            "unzip",
            [
              "-p",
              join(
                outdir,
                file
                  .split("/")
                  .pop()!
                  .replace(/\.xls[xm]$/, ".ods")
              ),
              "content.xml",
            ],
            {
              maxBuffer: 1 << 28,
            }
          ).toString();
          const n = (pattern: RegExp) => (content.match(pattern) ?? []).length;
          return {
            charts: n(/<draw:object /g),
            pivots: n(/<table:data-pilot-table /g),
            images: n(/<draw:image /g) - n(/<draw:object /g),
            comments: n(/<office:annotation[ >]/g),
            tables: n(/<table:table table:name=/g),
          };
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      };
      const before = count(input);
      const after = count(out());
      expect(before).toMatchObject({ charts: 1, pivots: 1, comments: 1 });
      expect(after.pivots).toBe(1);
      expect(after.comments).toBe(1);
      expect(after.images).toBe(before.images);
      // The user's chart and CompAlign's three on Scenario Comparison.
      expect(after.charts).toBe(before.charts + 3);
      expect(after.tables).toBe(before.tables + 5);
    },
    300000
  );
});
