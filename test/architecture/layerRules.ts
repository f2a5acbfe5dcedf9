/**
 * The layering of docs/architecture.md as data, and a checker over src/'s import graph.
 * An arrow only points down the flow workbook → model → engine → report → workbook; a surface
 * never imports another surface.
 */
import fs from "fs";
import path from "path";

export type Layer =
  | "engine"
  | "functions"
  | "calc"
  | "workbook"
  | "model"
  | "reports"
  | "actions"
  | "cli"
  | "taskpane";

/** What each layer (a folder of src/) may import, besides itself. */
export const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  engine: [],
  functions: ["engine"],
  calc: ["engine", "functions", "workbook"],
  workbook: ["engine"],
  model: ["engine", "workbook"],
  reports: ["engine", "model", "workbook"],
  actions: ["engine", "model", "reports", "workbook"],
  cli: ["actions", "calc", "engine", "functions", "model", "reports", "workbook"],
  taskpane: ["actions", "engine", "functions", "model", "reports", "workbook"],
};

/** Packages a layer may not use (the file system, Office, a spreadsheet library, React). */
const NODE_ONLY = ["fs", "path", "os", "child_process", "zlib", "worker_threads"];
const UI = ["react", "react-dom", "@fluentui/react-components"];
/** The pure layers: no spreadsheet library, no UI, no Node. */
const PURE = ["exceljs", "hyperformula", "jszip", ...UI, ...NODE_ONLY];
export const FORBIDDEN_PACKAGES: Record<Layer, readonly string[]> = {
  engine: PURE,
  functions: PURE.filter((p) => p !== "hyperformula"),
  calc: UI,
  workbook: ["hyperformula", ...UI],
  model: PURE,
  reports: PURE,
  actions: PURE,
  cli: UI,
  taskpane: ["hyperformula", ...NODE_ONLY],
};

/** Inside workbook/, exceljs belongs to the xlsx adapter alone. */
export const PACKAGE_HOME: Record<string, string> = { exceljs: "workbook/xlsx/" };

export interface ImportEdge {
  from: string; // path relative to src/, with forward slashes
  spec: string; // the import specifier as written
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

/** Every import, export-from, dynamic import and require in one file's text. */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

/** All import edges of src/ (relative paths). */
export function importGraph(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const from = path.relative(srcDir, full).split(path.sep).join("/");
        for (const spec of importsOf(fs.readFileSync(full, "utf8"))) edges.push({ from, spec });
      }
    }
  };
  walk(srcDir);
  return edges;
}

const layerOf = (rel: string): Layer | null => {
  const top = rel.split("/")[0];
  return top in MAY_IMPORT ? (top as Layer) : null;
};

/** The rule an edge breaks, or null. */
export function violation(edge: ImportEdge): string | null {
  const fromLayer = layerOf(edge.from);
  if (!fromLayer) return null;
  if (edge.spec.startsWith(".")) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(edge.from), edge.spec));
    const toLayer = layerOf(target);
    if (!toLayer || toLayer === fromLayer) return null;
    if (!MAY_IMPORT[fromLayer].includes(toLayer))
      return `${edge.from}: ${fromLayer} may not import ${toLayer} ("${edge.spec}")`;
    // A folder's index.ts is its public face: the use-cases are imported through it.
    if (toLayer === "actions" && target !== "actions" && target !== "actions/index")
      return `${edge.from}: import actions through src/actions/index.ts, not "${edge.spec}"`;
    return null;
  }
  const pkg = edge.spec.startsWith("@")
    ? edge.spec.split("/").slice(0, 2).join("/")
    : edge.spec.split("/")[0];
  const bare = pkg.replace(/^node:/, "");
  if (FORBIDDEN_PACKAGES[fromLayer].includes(bare))
    return `${edge.from}: ${fromLayer} may not use the package ${bare}`;
  const home = PACKAGE_HOME[bare];
  if (home && fromLayer === "workbook" && !edge.from.startsWith(home))
    return `${edge.from}: ${bare} is used only under src/${home}`;
  return null;
}
