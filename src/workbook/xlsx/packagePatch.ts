/**
 * Writing a workbook by adding to its package instead of re-serialising it. The input package is
 * copied entry by entry with its compressed bytes verbatim; only CompAlign's own parts are added
 * or replaced:
 *
 * - its sheets (streamed as XML rows, deflated with native zlib), their table parts, and for a
 *   sheet with charts a drawing part and one chart part per chart (./charts);
 * - a sheet CompAlign replaces keeps its part name, relationship id and sheet id; the parts its
 *   old version pointed at (tables, drawings, charts) go, unless some other part points at them;
 * - a sheet CompAlign deletes goes with those parts;
 * - the listing parts: `[Content_Types].xml` (Overrides of the parts added and removed),
 *   `xl/workbook.xml` (`<sheets>`, CompAlign's ownership marks and print names in
 *   `<definedNames>`, `localSheetId`s shifted after a deletion), `xl/_rels/workbook.xml.rels`,
 *   `xl/styles.xml` (CompAlign's cell formats appended once); `xl/calcChain.xml` is dropped
 *   when a sheet it may list was replaced or deleted (Excel rebuilds it).
 *
 * Every other part (the user's sheets, shared strings, charts, pivot tables and caches, images,
 * comments, VBA project, external links, custom XML, …) is copied byte for byte.
 */
import { WorkbookError, type ChartSpec, type SheetValue } from "../port";
import type { SheetModel } from "../sheetModel";
import { isOwnershipMark, type DefinedName } from "../ownershipMarks";
import {
  cellKey,
  readSheetCells,
  sharedStrings,
  styleFormats,
  type SheetCells,
} from "./charts/cells";
import { chartData, dataRangeOf } from "./charts/chartData";
import { chartSpaceXml } from "./charts/chartXml";
import { anchorOf, drawingXml, twoCellAnchorXml } from "./charts/drawingXml";
import {
  addRelationship,
  parseRels,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  REL_TYPES,
  CONTENT_TYPES,
} from "./charts/opc";
import { attributes, escapeAttr, escapeText, unescapeXml } from "./charts/xml";
import { REL_NS, writeSheetPart, type SheetDefinedName } from "./sheetXml";
import { cellFormatCount, StyleRegistry } from "./stylesXml";
import {
  deflatedEntry,
  entryText,
  readZip,
  settled,
  writeZip,
  type OutEntry,
  type ZipEntry,
} from "./zipPackage";

/** One sheet of the written workbook, in tab order. */
export type FinalSheet =
  /**
   * A sheet of the input package, kept as it is (by its name there); `state`, when given, is its
   * visibility now (the workbook model's), written over the input's.
   */
  | { kind: "kept"; name: string; state?: "visible" | "hidden" | "veryHidden" }
  /** A sheet CompAlign writes; `replaces` names the input sheet whose place and part it takes. */
  | { kind: "written"; model: SheetModel; replaces?: string };

export interface PackagePatch {
  /** The input package. */
  base: Uint8Array;
  sheets: FinalSheet[];
  /** The ownership marks the written workbook holds (all of them; the input's are replaced). */
  marks: DefinedName[];
  /** Deflate level for new parts (1 fastest … 9 smallest). */
  level?: number;
}

const TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
};
const REL = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
};

interface BaseSheet {
  tag: string;
  name: string;
  sheetId: number;
  relId: string;
  path: string;
}

const lower = (s: string) => s.toLowerCase();

/** The written package, as buffers to write one after another. */
export async function patchPackage(patch: PackagePatch): Promise<Uint8Array[]> {
  const entries = readZip(patch.base);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  const lowerNames = new Set(entries.map((e) => lower(e.name)));
  const text = (path: string) => {
    const entry = byName.get(path);
    return entry ? entryText(entry) : undefined;
  };
  const required = (path: string) => {
    const content = text(path);
    if (content === undefined)
      throw new WorkbookError("unreadable", `the .xlsx file has no ${path}`);
    return content;
  };

  const workbookPath =
    parseRels(text("_rels/.rels"))
      .filter((r) => r.type === REL.officeDocument)
      .map((r) => resolveTarget("", r.target))[0] ?? "xl/workbook.xml";
  const workbookRelsPath = relsPathOf(workbookPath);
  let workbookXml = required(workbookPath);
  let workbookRels = required(workbookRelsPath);
  let contentTypes = required("[Content_Types].xml");
  const rels = parseRels(workbookRels);

  // The input's sheets.
  if (!/<(?:\w+:)?sheets\b/.test(workbookXml)) workbookXml = withEmptySheets(workbookXml);
  const sheetsMatch =
    /<((?:\w+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>|<(?:\w+:)?sheets\b[^>]*\/>/.exec(workbookXml);
  if (!sheetsMatch) throw new WorkbookError("unreadable", "the workbook part has no <sheets>");
  const nsPrefix = sheetsMatch[1] ?? "";
  const baseSheets: BaseSheet[] = [
    ...(sheetsMatch[2] ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g),
  ].map((m) => {
    const a = attributes(m[0]);
    const idKey = Object.keys(a).find((k) => k.endsWith(":id"))!;
    const rel = rels.find((r) => r.id === a[idKey]);
    return {
      tag: m[0],
      name: a.name,
      sheetId: Number(a.sheetId),
      relId: a[idKey],
      path: rel ? resolveTarget(workbookPath, rel.target) : "",
    };
  });
  const baseByName = new Map(baseSheets.map((s) => [lower(s.name), s]));
  const relPrefix =
    Object.entries(attributes(/<(?:\w+:)?workbook\b[^>]*>/.exec(workbookXml)?.[0] ?? ""))
      .find(([k, v]) => k.startsWith("xmlns:") && v === REL_NS)?.[0]
      .slice(6) ?? null;
  if (relPrefix === null) {
    workbookXml = workbookXml.replace(/<((?:\w+:)?)workbook\b/, `<$1workbook xmlns:r="${REL_NS}"`);
  }
  const rp = relPrefix ?? "r";

  // Which input sheets stay, are replaced, or go.
  const kept = new Set<string>();
  const replaced = new Set<string>();
  for (const sheet of patch.sheets) {
    const name = sheet.kind === "kept" ? sheet.name : sheet.replaces;
    if (name === undefined) continue;
    if (!baseByName.has(lower(name))) throw new Error(`the input has no sheet "${name}"`);
    (sheet.kind === "kept" ? kept : replaced).add(lower(name));
  }
  const removedSheets = baseSheets.filter(
    (s) => !kept.has(lower(s.name)) && !replaced.has(lower(s.name))
  );
  const replacedSheets = baseSheets.filter((s) => replaced.has(lower(s.name)));

  // Parts that go: what removed and replaced sheets pointed at, unless a kept part points there too.
  const dropped = new Set<string>();
  const rewritten = new Map<string, OutEntry>();
  const dropTree = (source: string) => {
    for (const rel of parseRels(text(relsPathOf(source)))) {
      if (rel.targetMode === "External") continue;
      const target = resolveTarget(source, rel.target);
      if (dropped.has(target) || !byName.has(target)) continue;
      dropped.add(target);
      dropped.add(relsPathOf(target));
      dropTree(target);
    }
  };
  for (const sheet of [...removedSheets, ...replacedSheets]) {
    dropTree(sheet.path);
    dropped.add(relsPathOf(sheet.path));
  }
  for (const sheet of removedSheets) dropped.add(sheet.path);
  for (const sheet of replacedSheets) dropped.delete(sheet.path);
  if (dropped.size > 0) {
    // Keep a part some surviving part still points at.
    for (const entry of entries) {
      if (!entry.name.endsWith(".rels") || dropped.has(entry.name)) continue;
      const source = sourceOfRels(entry.name);
      for (const rel of parseRels(entryText(entry))) {
        if (rel.targetMode !== "External") dropped.delete(resolveTarget(source, rel.target));
      }
    }
  }
  const calcChainRel = rels.find((r) => r.type === REL.calcChain);
  if (calcChainRel && (removedSheets.length > 0 || replacedSheets.length > 0)) {
    dropped.add(resolveTarget(workbookPath, calcChainRel.target));
    workbookRels = removeRelationship(workbookRels, calcChainRel.id);
  }
  for (const sheet of removedSheets) workbookRels = removeRelationship(workbookRels, sheet.relId);

  // Free part names and ids.
  const taken = new Set([...lowerNames].filter((n) => !dropped.has(n)));
  const freePart = (prefix: string, suffix: string) => {
    for (let n = 1; ; n++) {
      const path = `${prefix}${n}${suffix}`;
      if (!taken.has(lower(path))) {
        taken.add(lower(path));
        return path;
      }
    }
  };
  let tableId = 0;
  for (const entry of entries) {
    if (/^xl\/tables\/[^/]+\.xml$/i.test(entry.name) && !dropped.has(entry.name)) {
      tableId = Math.max(
        tableId,
        Number(/<(?:\w+:)?table\b[^>]*?\sid="(\d+)"/.exec(entryText(entry))?.[1] ?? 0)
      );
    }
  }
  let sheetId = Math.max(0, ...baseSheets.map((s) => s.sheetId));

  const stylesRel = rels.find((r) => r.type === REL_TYPES.styles);
  const stylesPath = stylesRel ? resolveTarget(workbookPath, stylesRel.target) : undefined;
  const stylesXml = stylesPath ? text(stylesPath) : undefined;
  if (!stylesXml) throw new WorkbookError("unreadable", "the .xlsx file has no styles part");
  const styles = new StyleRegistry(cellFormatCount(stylesXml));
  styles.countDxfs(stylesXml);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);

  const added: OutEntry[] = [];
  const addOverride = (path: string, type: string) => {
    contentTypes = removeOverride(contentTypes, path);
    contentTypes = contentTypes.replace(
      /<\/((?:\w+:)?)Types>\s*$/,
      `<$1Override PartName="/${escapeAttr(path)}" ContentType="${type}"/></$1Types>`
    );
  };
  const put = (entry: OutEntry, path: string) => {
    if (byName.has(path) && !dropped.has(path)) rewritten.set(path, entry);
    else {
      dropped.delete(path);
      added.push(entry);
    }
  };

  const finalTags: string[] = [];
  const sheetNames: string[] = patch.sheets.map((s) =>
    s.kind === "kept" ? baseByName.get(lower(s.name))!.name : s.model.name
  );
  const localNames: { index: number; name: SheetDefinedName }[] = [];
  const charts = new ChartWriter(patch.sheets, baseByName, text, workbookPath, rels, date1904);

  patch.sheets.forEach((sheet, index) => {
    if (sheet.kind === "kept") {
      finalTags.push(withState(baseByName.get(lower(sheet.name))!.tag, sheet.state));
      return;
    }
    const base = sheet.replaces !== undefined ? baseByName.get(lower(sheet.replaces)) : undefined;
    const path = base?.path ?? freePart("xl/worksheets/sheet", ".xml");
    if (base) {
      finalTags.push(base.tag.replace(/\bname="[^"]*"/, `name="${escapeAttr(sheet.model.name)}"`));
    } else {
      const relId = freeRelId(workbookRels);
      workbookRels = addRel(
        workbookRels,
        relId,
        REL_TYPES.worksheet,
        relativeTarget(workbookPath, path)
      );
      finalTags.push(
        `<${nsPrefix}sheet name="${escapeAttr(sheet.model.name)}" sheetId="${++sheetId}" ${rp}:id="${relId}"/>`
      );
    }
    let sheetRels: string | undefined;
    let drawingRelId: string | undefined;
    if (sheet.model.charts.length > 0) {
      const drawingPath = freePart("xl/drawings/drawing", ".xml");
      const rel = addRelationship(sheetRels, {
        type: REL_TYPES.drawing,
        target: relativeTarget(path, drawingPath),
      });
      sheetRels = rel.xml;
      drawingRelId = rel.id;
      for (const part of charts.write(sheet.model, drawingPath, () =>
        freePart("xl/charts/chart", ".xml")
      )) {
        put(part.entry, part.path);
        if (part.type) addOverride(part.path, part.type);
      }
    }
    const written = writeSheetPart(sheet.model, {
      path,
      styles,
      nextTablePath: () => freePart("xl/tables/table", ".xml"),
      nextTableId: () => ++tableId,
      drawingRelId,
      level: patch.level,
    });
    put(written.sheet, path);
    addOverride(path, TYPES.worksheet);
    for (const table of written.tables) {
      sheetRels = addRel(sheetRels, table.relId, REL.table, relativeTarget(path, table.path));
      put(table.entry, table.path);
      addOverride(table.path, TYPES.table);
    }
    if (sheetRels) put(deflatedEntry(relsPathOf(path), sheetRels, patch.level), relsPathOf(path));
    for (const name of written.definedNames) localNames.push({ index, name });
  });

  // Removed parts leave the content types.
  for (const path of dropped) contentTypes = removeOverride(contentTypes, path);

  // workbook.xml: sheets, defined names, active tab.
  const sheetsXml = `<${nsPrefix}sheets>${finalTags.join("")}</${nsPrefix}sheets>`;
  workbookXml = workbookXml.replace(sheetsMatch[0], sheetsXml);
  const removedIndexes = new Set(removedSheets.map((s) => baseSheets.indexOf(s)));
  // Names local to a replaced sheet are its old print names: they go (its new ones are added).
  const replacedIndexes = new Set(replacedSheets.map((s) => baseSheets.indexOf(s)));
  workbookXml = rewriteDefinedNames(workbookXml, nsPrefix, {
    baseCount: baseSheets.length,
    removedIndexes,
    replacedIndexes,
    marks: patch.marks,
    localNames,
    sheetNames,
  });
  workbookXml = workbookXml.replace(
    /(<(?:\w+:)?workbookView\b[^>]*?\bactiveTab=")(\d+)"/,
    (m, head: string, tab: string) => (Number(tab) >= patch.sheets.length ? `${head}0"` : m)
  );
  workbookXml = workbookXml.replace(
    /(<(?:\w+:)?workbookView\b[^>]*?\bfirstSheet=")(\d+)"/,
    (m, head: string, tab: string) => (Number(tab) >= patch.sheets.length ? `${head}0"` : m)
  );

  if (styles.size > 0)
    put(deflatedEntry(stylesPath!, styles.patch(stylesXml), patch.level), stylesPath!);
  put(deflatedEntry(workbookPath, workbookXml, patch.level), workbookPath);
  put(deflatedEntry(workbookRelsPath, workbookRels, patch.level), workbookRelsPath);
  put(deflatedEntry("[Content_Types].xml", contentTypes, patch.level), "[Content_Types].xml");

  const out: OutEntry[] = [];
  for (const entry of entries) {
    if (dropped.has(entry.name)) continue;
    out.push(rewritten.get(entry.name) ?? { kind: "raw", entry });
  }
  out.push(...added);
  await settled(out);
  return writeZip(out);
}

/** A workbook part without `<sheets>` (exceljs writes none for a workbook without sheets) gets one. */
function withEmptySheets(workbookXml: string): string {
  const prefix = /<((?:\w+:)?)workbook\b/.exec(workbookXml)?.[1] ?? "";
  const later = new RegExp(
    `<${prefix}(?:functionGroups|externalReferences|definedNames|calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b|</${prefix}workbook>`
  ).exec(workbookXml);
  if (!later) throw new WorkbookError("unreadable", "the workbook part is not a workbook");
  return `${workbookXml.slice(0, later.index)}<${prefix}sheets/>${workbookXml.slice(later.index)}`;
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml` (`_rels/.rels` → ""). */
function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : "";
}

function freeRelId(xml: string | undefined): string {
  const ids = new Set(parseRels(xml).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addRel(xml: string | undefined, id: string, type: string, target: string): string {
  const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  if (!xml) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${element}</Relationships>`;
  }
  if (/<Relationships\b[^>]*\/>/.test(xml))
    return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${element}</Relationships>`);
  return xml.replace(/<\/Relationships>\s*$/, `${element}</Relationships>`);
}

function removeRelationship(xml: string, id: string): string {
  return xml.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*/>`), "");
}

function removeOverride(contentTypes: string, path: string): string {
  const partName = `/${path}`.toLowerCase();
  return contentTypes.replace(/<(?:\w+:)?Override\b[^>]*\/>/g, (tag) =>
    unescapeXml(/PartName="([^"]*)"/.exec(tag)?.[1] ?? "").toLowerCase() === partName ? "" : tag
  );
}

/**
 * `<definedNames>` rewritten: every name the input had, byte for byte, except CompAlign's
 * ownership marks (replaced by `marks`) and names local to a sheet CompAlign replaced or deleted
 * (replaced by the written sheets' print names); `localSheetId`s after a deleted sheet shift down.
 */
function rewriteDefinedNames(
  workbookXml: string,
  prefix: string,
  o: {
    baseCount: number;
    removedIndexes: Set<number>;
    replacedIndexes: Set<number>;
    marks: DefinedName[];
    localNames: { index: number; name: SheetDefinedName }[];
    sheetNames: string[];
  }
): string {
  const block =
    /<((?:\w+:)?)definedNames\b[^>]*>([\s\S]*?)<\/\1definedNames>|<(?:\w+:)?definedNames\b[^>]*\/>/.exec(
      workbookXml
    );
  const existing = block
    ? [
        ...(block[2] ?? "").matchAll(
          /<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g
        ),
      ].map((m) => m[0])
    : [];
  const keptNames = existing.flatMap((element) => {
    const a = attributes(/^<[^>]*>/.exec(element)![0]);
    if (isOwnershipMark(a.name ?? "")) return [];
    if (a.localSheetId === undefined) return [element];
    const local = Number(a.localSheetId);
    if (o.removedIndexes.has(local) || o.replacedIndexes.has(local)) return [];
    const shift = [...o.removedIndexes].filter((i) => i < local).length;
    return [
      shift ? element.replace(/\blocalSheetId="\d+"/, `localSheetId="${local - shift}"`) : element,
    ];
  });
  const marks = o.marks.map(
    (m) =>
      `<${prefix}definedName name="${escapeAttr(m.name)}" hidden="1">${escapeText(m.ref)}</${prefix}definedName>`
  );
  const locals = o.localNames.map(
    ({ index, name }) =>
      `<${prefix}definedName name="${escapeAttr(name.name)}" localSheetId="${index}">${escapeText(name.ref)}</${prefix}definedName>`
  );
  const all = [...keptNames, ...marks, ...locals];
  const xml =
    all.length > 0 ? `<${prefix}definedNames>${all.join("")}</${prefix}definedNames>` : "";
  if (block) return workbookXml.replace(block[0], xml);
  if (!xml) return workbookXml;
  // CT_Workbook: … sheets, functionGroups, externalReferences, definedNames, calcPr, …
  const anchors = ["externalReferences", "functionGroups", "sheets"];
  for (const anchor of anchors) {
    const m = new RegExp(`</(?:\\w+:)?${anchor}>`).exec(workbookXml);
    if (m)
      return (
        workbookXml.slice(0, m.index + m[0].length) + xml + workbookXml.slice(m.index + m[0].length)
      );
  }
  return workbookXml;
}

/**
 * Chart parts for written sheets: a drawing with one anchor per chart, one chart part per chart
 * with cached values (from the written sheets' cells, or the input's cells for data on a kept
 * sheet) in the number formats of their cells.
 */
class ChartWriter {
  private fileCells: Map<string, SheetCells> | null = null;
  private formatOfStyle: ((style: number) => string) | null = null;
  private strings: string[] | null = null;

  constructor(
    private readonly sheets: FinalSheet[],
    private readonly baseByName: Map<string, BaseSheet>,
    private readonly text: (path: string) => string | undefined,
    private readonly workbookPath: string,
    private readonly rels: { type: string; target: string }[],
    private readonly date1904: boolean
  ) {}

  private written(name: string): SheetModel | undefined {
    for (const s of this.sheets)
      if (s.kind === "written" && lower(s.model.name) === lower(name)) return s.model;
    return undefined;
  }

  private fromFile(name: string): SheetCells | undefined {
    const base = this.baseByName.get(lower(name));
    if (!base) return undefined;
    this.fileCells ??= new Map();
    let cells = this.fileCells.get(base.path);
    if (!cells) {
      const part = (type: string) => {
        const rel = this.rels.find((r) => r.type === type);
        return rel ? this.text(resolveTarget(this.workbookPath, rel.target)) : undefined;
      };
      this.strings ??= sharedStrings(part(REL_TYPES.sharedStrings));
      this.formatOfStyle ??= styleFormats(part(REL_TYPES.styles));
      cells = readSheetCells(this.text(base.path) ?? "<worksheet/>", this.strings);
      this.fileCells.set(base.path, cells);
    }
    return cells;
  }

  private value(sheet: string, row: number, col: number): SheetValue {
    const model = this.written(sheet);
    if (model) return model.cells.get(row, col).value;
    return this.fromFile(sheet)?.values.get(cellKey(row, col)) ?? null;
  }

  private format(sheet: string, row: number, col: number): string {
    const model = this.written(sheet);
    if (model) return model.cells.get(row, col).numberFormat ?? "General";
    const style = this.fromFile(sheet)?.styles.get(cellKey(row, col));
    return style === undefined || !this.formatOfStyle ? "General" : this.formatOfStyle(style);
  }

  /** The drawing, its rels and the chart parts of one sheet. */
  write(
    model: SheetModel,
    drawingPath: string,
    nextChartPath: () => string
  ): { path: string; entry: OutEntry; type?: string }[] {
    const parts: { path: string; entry: OutEntry; type?: string }[] = [];
    let drawingRels: string | undefined;
    const anchors = model.charts.map((spec: ChartSpec, i) => {
      const dataSheet = dataRangeOf(spec, model.name).sheet;
      if (!this.written(dataSheet) && !this.baseByName.has(lower(dataSheet))) {
        throw new WorkbookError(
          "invalid-name",
          `chart "${spec.title}": data range "${spec.dataRange}" is on sheet "${dataSheet}", which the workbook does not have`
        );
      }
      const chartPath = nextChartPath();
      const data = chartData(
        spec,
        model.name,
        (sheet, row, col) => this.value(sheet, row, col),
        (sheet, row, col) => this.format(sheet, row, col)
      );
      parts.push({
        path: chartPath,
        entry: deflatedEntry(chartPath, chartSpaceXml(spec, data, { date1904: this.date1904 })),
        type: CONTENT_TYPES.chart,
      });
      const rel = addRelationship(drawingRels, {
        type: REL_TYPES.chart,
        target: relativeTarget(drawingPath, chartPath),
      });
      drawingRels = rel.xml;
      return twoCellAnchorXml({
        anchor: anchorOf(spec),
        shapeId: i + 2,
        chartRelId: rel.id,
        title: spec.title,
        declareNamespaces: false,
      });
    });
    parts.push({
      path: drawingPath,
      entry: deflatedEntry(drawingPath, drawingXml(anchors)),
      type: CONTENT_TYPES.drawing,
    });
    parts.push({
      path: relsPathOf(drawingPath),
      entry: deflatedEntry(relsPathOf(drawingPath), drawingRels!),
    });
    return parts;
  }
}

/** A <sheet> tag with its visibility set; unchanged (byte for byte) when it already says so. */
function withState(tag: string, state: "visible" | "hidden" | "veryHidden" | undefined): string {
  const current = /\sstate="([^"]*)"/.exec(tag);
  if (state === undefined || (current?.[1] ?? "visible") === state) return tag;
  if (current) return tag.replace(current[0], ` state="${state}"`);
  return tag.replace(/\s*(\/?>)$/, ` state="${state}"$1`);
}
