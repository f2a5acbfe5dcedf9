/**
 * Native Excel charts for .xlsx files written by exceljs, which cannot write charts itself.
 * `addCharts` takes the finished file and adds, per sheet, a drawing part with one anchor per
 * chart and one chart part per chart (bar/column, line, scatter, pie; series references with
 * cached values), plus the relationships, the sheet's `<drawing>` element and the content types.
 * Nothing else in the file changes. `chartsFromXlsx` lists the charts a file has (for tests).
 *
 * Parts written (N, K: the next numbers free in the package):
 *   xl/drawings/drawingN.xml (+ _rels/drawingN.xml.rels)   one per sheet with charts
 *   xl/charts/chartK.xml                                     one per chart
 *   xl/worksheets/_rels/sheetM.xml.rels                      merged with what exceljs wrote
 *   [Content_Types].xml                                      an Override per new part
 * A sheet that already has a drawing (exceljs writes one for images) gets the charts appended
 * to it.
 */
import JSZip from "jszip";
import { WorkbookError, type ChartSpec, type SheetValue } from "../../port";
import { cellKey, readSheetCells, sharedStrings, styleFormats, type SheetCells } from "./cells";
import { chartData, dataRangeOf, type FormatLookup } from "./chartData";
import { chartSpaceXml } from "./chartXml";
import { anchorOf, drawingXml, twoCellAnchorXml } from "./drawingXml";
import {
  addOverride,
  addRelationship,
  CONTENT_TYPES,
  drawingRelId,
  findSheet,
  insertDrawing,
  isDate1904,
  parseRels,
  REL_TYPES,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  sheetParts,
  type SheetPart,
} from "./opc";
import { attributes, scanRoot, startTags } from "./xml";

export { chartsFromXlsx, type WrittenChart, type WrittenSeries } from "./readCharts";

export interface SheetCharts {
  /** The sheet's name (matched exactly, else ignoring case). */
  sheet: string;
  charts: ChartSpec[];
  /**
   * The sheet's values from A1 (`values[r][c]` is the cell in row r+1, column c+1, as in
   * SheetData), used for the charts' cached values. Without it the values are read from the
   * file's own cells. Data on another sheet, and number formats, always come from the file.
   */
  values?: SheetValue[][];
}

const WORKBOOK = "xl/workbook.xml";
const CONTENT_TYPES_PART = "[Content_Types].xml";

/** The first `prefix + n + suffix` (n = 1, 2, …) that is not a part of the package yet. */
function freePart(zip: JSZip, prefix: string, suffix: string): string {
  const taken = new Set(Object.keys(zip.files).map((p) => p.toLowerCase()));
  for (let n = 1; ; n++) {
    const path = `${prefix}${n}${suffix}`;
    if (!taken.has(path.toLowerCase())) return path;
  }
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

async function required(zip: JSZip, path: string): Promise<string> {
  const content = await text(zip, path);
  if (content === undefined) throw new WorkbookError("unreadable", `the .xlsx file has no ${path}`);
  return content;
}

/**
 * Returns the .xlsx with the charts added to the named sheets. Rejects with WorkbookError
 * ("invalid-name") for a sheet the workbook does not have, ("shape") for a chart whose anchor or
 * data range is not one, ("unreadable") when the bytes are not an .xlsx package. The input
 * bytes are not changed.
 */
export async function addCharts(xlsx: Uint8Array, sheets: SheetCharts[]): Promise<Uint8Array> {
  const todo = sheets.filter((s) => s.charts.length > 0);
  if (todo.length === 0) return xlsx;

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(xlsx);
  } catch (error) {
    throw new WorkbookError("unreadable", `not an .xlsx (zip) file: ${(error as Error).message}`);
  }
  const workbookXml = await required(zip, WORKBOOK);
  const workbookRelsXml = await required(zip, relsPathOf(WORKBOOK));
  const parts = sheetParts(workbookXml, workbookRelsXml, WORKBOOK);
  const date1904 = isDate1904(workbookXml);
  let contentTypes = await required(zip, CONTENT_TYPES_PART);

  // Check every spec and name before anything is built, so a bad one fails the whole call.
  const plans = todo.map((entry) => {
    const part = findSheet(parts, entry.sheet);
    if (!part) {
      throw new WorkbookError(
        "invalid-name",
        `cannot add charts: the workbook has no sheet "${entry.sheet}"`
      );
    }
    for (const spec of entry.charts) {
      anchorOf(spec);
      const dataSheet = dataRangeOf(spec, part.name).sheet;
      if (!findSheet(parts, dataSheet)) {
        throw new WorkbookError(
          "invalid-name",
          `chart "${spec.title}": data range "${spec.dataRange}" is on sheet "${dataSheet}", which the workbook does not have`
        );
      }
    }
    return { entry, part };
  });

  const lookups = await cellLookups(zip, workbookRelsXml, parts, plans);

  for (const { entry, part } of plans) {
    const sheetXml = await required(zip, part.path);
    const sheetRelsPath = relsPathOf(part.path);
    let sheetRels = await text(zip, sheetRelsPath);

    // The sheet's drawing: the one it has, or a new part.
    const existingId = drawingRelId(sheetXml);
    const existing = existingId ? parseRels(sheetRels).find((r) => r.id === existingId) : undefined;
    const drawingPath = existing
      ? resolveTarget(part.path, existing.target)
      : freePart(zip, "xl/drawings/drawing", ".xml");
    const previousDrawing = existing ? await text(zip, drawingPath) : undefined;
    if (existingId && previousDrawing === undefined) {
      throw new WorkbookError(
        "unreadable",
        `sheet "${part.name}" names a drawing part the file does not have`
      );
    }
    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingRels = await text(zip, drawingRelsPath);
    let shapeId = Math.max(
      1,
      ...startTags(previousDrawing ?? "", "cNvPr").map((tag) => Number(attributes(tag).id) || 0)
    );

    const anchors: string[] = [];
    for (const spec of entry.charts) {
      const chartPath = freePart(zip, "xl/charts/chart", ".xml");
      const data = chartData(
        spec,
        part.name,
        (sheet, row, col) => lookups.value(entry, sheet, row, col),
        lookups.format
      );
      zip.file(chartPath, chartSpaceXml(spec, data, { date1904 }));
      contentTypes = addOverride(contentTypes, chartPath, CONTENT_TYPES.chart);
      const rel = addRelationship(drawingRels, {
        type: REL_TYPES.chart,
        target: relativeTarget(drawingPath, chartPath),
      });
      drawingRels = rel.xml;
      anchors.push(
        twoCellAnchorXml({
          anchor: anchorOf(spec),
          shapeId: ++shapeId,
          chartRelId: rel.id,
          title: spec.title,
          declareNamespaces: previousDrawing !== undefined,
        })
      );
    }

    if (previousDrawing !== undefined) {
      const { closeAt } = scanRoot(previousDrawing);
      zip.file(
        drawingPath,
        previousDrawing.slice(0, closeAt) + anchors.join("") + previousDrawing.slice(closeAt)
      );
    } else {
      zip.file(drawingPath, drawingXml(anchors));
      contentTypes = addOverride(contentTypes, drawingPath, CONTENT_TYPES.drawing);
      const rel = addRelationship(sheetRels, {
        type: REL_TYPES.drawing,
        target: relativeTarget(part.path, drawingPath),
      });
      sheetRels = rel.xml;
      zip.file(sheetRelsPath, sheetRels);
      zip.file(part.path, insertDrawing(sheetXml, rel.id));
    }
    if (drawingRels !== undefined) zip.file(drawingRelsPath, drawingRels);
  }

  zip.file(CONTENT_TYPES_PART, contentTypes);
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

interface Lookups {
  /** A cell's value for the caches, for charts on `host` (whose caller-given values come first). */
  value(host: SheetCharts, sheet: string, row: number, col: number): SheetValue;
  /** A cell's number format code, from the file's styles. */
  format: FormatLookup;
}

/**
 * Cell values and number formats for the caches: the caller's values for a chart's own sheet
 * when given, else the file's cells; formats always from the file (each needed sheet read once).
 */
async function cellLookups(
  zip: JSZip,
  workbookRelsXml: string,
  parts: SheetPart[],
  plans: { entry: SheetCharts; part: SheetPart }[]
): Promise<Lookups> {
  const needed = new Set<string>();
  for (const { entry, part } of plans) {
    for (const spec of entry.charts)
      needed.add(findSheet(parts, dataRangeOf(spec, part.name).sheet)!.path);
  }
  const workbookRels = parseRels(workbookRelsXml);
  const partOf = async (type: string) => {
    const rel = workbookRels.find((r) => r.type === type);
    return rel ? text(zip, resolveTarget(WORKBOOK, rel.target)) : undefined;
  };
  const strings = sharedStrings(await partOf(REL_TYPES.sharedStrings));
  const formatOfStyle = styleFormats(await partOf(REL_TYPES.styles));
  const fromFile = new Map<string, SheetCells>();
  for (const path of needed) fromFile.set(path, readSheetCells(await required(zip, path), strings));
  const cellsOf = (sheet: string) => fromFile.get(findSheet(parts, sheet)!.path);

  return {
    value(host, sheet, row, col) {
      if (host.values && findSheet(parts, sheet)!.path === findSheet(parts, host.sheet)!.path) {
        const value = host.values[row]?.[col];
        return value === undefined || value === "" ? null : value;
      }
      return cellsOf(sheet)?.values.get(cellKey(row, col)) ?? null;
    },
    format(sheet, row, col) {
      const style = cellsOf(sheet)?.styles.get(cellKey(row, col));
      return style === undefined ? "General" : formatOfStyle(style);
    },
  };
}
