/**
 * Every Office.js API src/ uses is in docs/office-api-sets.md with the requirement set
 * Microsoft's type definitions give it, and none needs a set above what manifest.xml declares
 * unless its file checks isSetSupported for that set. The scan type-checks src/ once
 * (scripts/officeApiScan.js); the rules are also run on made-up inputs to show each one bites.
 */
import fs from "fs";
import path from "path";
import { REQUIRED_SETS as MANIFEST_RULE_SETS } from "../scripts/manifestChecks";
import { compareVersions, scan, type ScannedApi } from "../scripts/officeApiScan";
import { REQUIRED_SETS } from "../src/taskpane/host/requirements";

const ROOT = path.resolve(__dirname, "..");

interface TableRow {
  api: string;
  set: string;
  version: string | null;
  /** Used only where the code checks isSetSupported first (an optional feature). */
  guarded: boolean;
}

/** The rows of docs/office-api-sets.md: | `API` | Set version [(no tag)] | files |. */
function readTable(markdown: string): Map<string, TableRow> {
  const rows = new Map<string, TableRow>();
  for (const line of markdown.split("\n")) {
    const m = line.match(/^\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|/);
    if (!m) continue;
    const set = m[2].match(/^([A-Za-z]+)\s+([0-9.]+)/);
    rows.set(m[1], {
      api: m[1],
      set: set ? set[1] : m[2],
      version: set ? set[2] : null,
      guarded: /isSetSupported/.test(m[2]),
    });
  }
  return rows;
}

/** Name → MinVersion of every <Set> in the manifest's <Requirements>. */
function manifestSets(xml: string): Record<string, string> {
  const requirements = xml.match(/<Requirements>([\s\S]*?)<\/Requirements>/)?.[1] ?? "";
  return Object.fromEntries(
    [...requirements.matchAll(/<Set Name="([^"]+)"(?: MinVersion="([^"]+)")?\s*\/>/g)].map((m) => [
      m[1],
      m[2] ?? "1.1",
    ])
  );
}

/** The rules of the file header, as problem lines (empty: all hold). */
function apiSetProblems(
  apis: ScannedApi[],
  guards: Map<string, { set: string; version: string }[]>,
  table: Map<string, TableRow>,
  declared: Record<string, string>
): string[] {
  const problems: string[] = [];
  for (const api of apis) {
    const row = table.get(api.api);
    if (!row) {
      problems.push(
        `${api.api} (${api.set ? `${api.set} ${api.version}` : "no tag"}, ${api.files.join(", ")}) is not in docs/office-api-sets.md`
      );
      continue;
    }
    if (api.set && (row.set !== api.set || row.version !== api.version))
      problems.push(
        `${api.api}: the table says ${row.set} ${row.version ?? ""}, the type definitions ${api.set} ${api.version}`.replace(
          "  ",
          " "
        )
      );
    if (!api.set || !api.version) continue;
    const floor = declared[api.set];
    if (floor !== undefined && compareVersions(api.version, floor) <= 0) continue;
    for (const file of api.files) {
      const guarded = (guards.get(file) ?? []).some(
        (g) => g.set === api.set && compareVersions(g.version, api.version!) >= 0
      );
      if (!guarded)
        problems.push(
          `${api.api} needs ${api.set} ${api.version}, above the manifest's ${floor ? `${api.set} ${floor}` : "sets"}, and ${file} does not check isSetSupported("${api.set}", "${api.version}")`
        );
    }
  }
  const used = new Set(apis.map((a) => a.api));
  for (const api of table.keys())
    if (!used.has(api))
      problems.push(`${api} is in docs/office-api-sets.md but src/ no longer uses it`);
  return problems;
}

describe("Office.js APIs and requirement sets", () => {
  const table = readTable(fs.readFileSync(path.join(ROOT, "docs", "office-api-sets.md"), "utf8"));
  const declared = manifestSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));

  it("every API src/ uses is in the table with its set, and within the manifest's sets", () => {
    const { apis, guards } = scan();
    expect(apis.length).toBeGreaterThan(50);
    // The scan sees the Office adapter, the custom functions and the pane's boot.
    expect(apis.map((a) => a.api)).toEqual(
      expect.arrayContaining([
        "Excel.Range.values",
        "CustomFunctions.Error",
        "CustomFunctions.ErrorCode",
        "Office.onReady",
      ])
    );
    expect(apiSetProblems(apis, guards, table, declared)).toEqual([]);
  }, 180_000);

  it("the manifest, its validator and the pane's start-up check declare the same sets", () => {
    const pane = Object.fromEntries(REQUIRED_SETS.map((s) => [s.name, s.version]));
    expect(declared).toEqual(pane);
    expect(MANIFEST_RULE_SETS).toEqual(pane);
    expect(pane).toEqual({ ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
  });

  it("the table's highest sets are exactly what the manifest declares (guarded optional APIs aside)", () => {
    const highest: Record<string, string> = {};
    for (const row of table.values()) {
      if (!row.version || !(row.set in declared) || row.guarded) continue;
      if (!highest[row.set] || compareVersions(row.version, highest[row.set]) > 0)
        highest[row.set] = row.version;
    }
    expect(highest.ExcelApi).toBe(declared.ExcelApi);
    expect(highest.CustomFunctionsRuntime).toBe(declared.CustomFunctionsRuntime);
  });

  describe("the rules catch", () => {
    const row = (api: string, set: string, version: string): [string, TableRow] => [
      api,
      { api, set, version, guarded: false },
    ];
    const api = (name: string, set: string, version: string, file = "src/a.ts"): ScannedApi => ({
      api: name,
      set,
      version,
      files: [file],
    });
    const sets = { ExcelApi: "1.8" };

    it.each([
      [
        "an API missing from the table, and a stale row",
        row("Excel.Range.clear", "ExcelApi", "1.1"),
        [
          "Excel.Range.values (ExcelApi 1.1, src/a.ts) is not in docs/office-api-sets.md",
          "Excel.Range.clear is in docs/office-api-sets.md but src/ no longer uses it",
        ],
      ],
      [
        "a row whose set is wrong",
        row("Excel.Range.values", "ExcelApi", "1.2"),
        ["Excel.Range.values: the table says ExcelApi 1.2, the type definitions ExcelApi 1.1"],
      ],
    ])("%s", (_, tableRow, problems) => {
      expect(
        apiSetProblems(
          [api("Excel.Range.values", "ExcelApi", "1.1")],
          new Map(),
          new Map([tableRow]),
          sets
        )
      ).toEqual(problems);
    });

    it("an API above the manifest, unless its file checks isSetSupported for it", () => {
      const high = api("Excel.Range.getSpillingToRange", "ExcelApi", "1.12");
      const tableHigh = new Map([row(high.api, "ExcelApi", "1.12")]);
      expect(apiSetProblems([high], new Map(), tableHigh, sets)).toEqual([
        'Excel.Range.getSpillingToRange needs ExcelApi 1.12, above the manifest\'s ExcelApi 1.8, and src/a.ts does not check isSetSupported("ExcelApi", "1.12")',
      ]);
      const lowGuard = new Map([["src/a.ts", [{ set: "ExcelApi", version: "1.10" }]]]);
      expect(apiSetProblems([high], lowGuard, tableHigh, sets)).toHaveLength(1);
      const guard = new Map([["src/a.ts", [{ set: "ExcelApi", version: "1.12" }]]]);
      expect(apiSetProblems([high], guard, tableHigh, sets)).toEqual([]);
    });
  });
});
