/**
 * The package plumbing around the chart parts (Open Packaging Conventions, ECMA-376 part 2, and
 * SpreadsheetML's worksheet): relationship files, content types, finding a sheet's part by its
 * name, and placing the `<drawing r:id>` element where CT_Worksheet requires it. All functions
 * take and return strings; existing content (other relationships, overrides, elements) is kept
 * as it is and only added to.
 */
import { attributes, escapeAttr, localName, scanRoot, startTags } from "./xml";

export const REL_TYPES = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  targetMode?: string;
}

/** The relationships of a .rels part (none when there is no part). */
export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return startTags(xml, "Relationship").map((tag) => {
    const a = attributes(tag);
    return { id: a.Id, type: a.Type, target: a.Target, targetMode: a.TargetMode };
  });
}

/**
 * Adds a relationship to a .rels part (a new part when `xml` is undefined) under a fresh id
 * ("rId" + one more than the largest number in use), keeping every existing one.
 */
export function addRelationship(
  xml: string | undefined,
  rel: { type: string; target: string }
): { xml: string; id: string } {
  const taken = new Set(parseRels(xml).map((r) => r.id));
  let n = Math.max(0, ...[...taken].map((id) => Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"/>`;
  if (!xml) {
    return {
      id,
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${element}</Relationships>`,
    };
  }
  const { root, closeAt } = scanRootLenient(xml);
  if (closeAt < 0) {
    // <Relationships/>: an empty part written as an empty element.
    return {
      id,
      xml: xml.slice(0, root.end - 2) + `>${element}</Relationships>` + xml.slice(root.end),
    };
  }
  return { id, xml: xml.slice(0, closeAt) + element + xml.slice(closeAt) };
}

/** Like scanRoot, but an empty root element (`<Types/>`) gives closeAt -1 instead of failing. */
function scanRootLenient(xml: string): { root: { end: number }; closeAt: number } {
  const empty = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|\s)*<[^\s/>!?]+[^>]*\/>/.exec(xml);
  if (empty) return { root: { end: empty[0].length }, closeAt: -1 };
  return scanRoot(xml);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A path with "." and ".." segments resolved and no leading "/". */
function normalise(path: string): string {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}

/** The package path a relationship of `source` points at (relative to its folder, or absolute). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return normalise(target);
  return normalise(source.slice(0, source.lastIndexOf("/") + 1) + target);
}

/** The relative target from `source` to `part`: `xl/worksheets/sheet1.xml` → `../drawings/drawing1.xml`. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Adds `<Override PartName="/part" ContentType="type"/>` unless the part already has one. */
export function addOverride(contentTypes: string, part: string, contentType: string): string {
  const partName = `/${part}`;
  const exists = startTags(contentTypes, "Override").some(
    (tag) => attributes(tag).PartName?.toLowerCase() === partName.toLowerCase()
  );
  if (exists) return contentTypes;
  const element = `<Override PartName="${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`;
  const { closeAt } = scanRoot(contentTypes);
  return contentTypes.slice(0, closeAt) + element + contentTypes.slice(closeAt);
}

export interface SheetPart {
  /** The sheet's name as the workbook has it. */
  name: string;
  /** e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

/** The sheets of a workbook in tab order, with their parts (`xl/workbook.xml` + its rels). */
export function sheetParts(
  workbookXml: string,
  workbookRels: string,
  workbookPath = "xl/workbook.xml"
): SheetPart[] {
  const rels = new Map(parseRels(workbookRels).map((r) => [r.id, r]));
  return startTags(workbookXml, "sheet").flatMap((tag) => {
    const a = attributes(tag);
    const idKey = Object.keys(a).find((k) => localName(k) === "id" && k.includes(":"));
    const rel = idKey ? rels.get(a[idKey]) : undefined;
    return rel ? [{ name: a.name, path: resolveTarget(workbookPath, rel.target) }] : [];
  });
}

/** A sheet by name: exactly, else ignoring case (Excel's names are unique ignoring case). */
export function findSheet(parts: SheetPart[], name: string): SheetPart | undefined {
  return (
    parts.find((p) => p.name === name) ??
    parts.find((p) => p.name.toLowerCase() === name.toLowerCase())
  );
}

/** Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`). */
export function isDate1904(workbookXml: string): boolean {
  const tag = startTags(workbookXml, "workbookPr")[0];
  const value = tag ? attributes(tag).date1904 : undefined;
  return value === "1" || value === "true";
}

/**
 * CT_Worksheet's children that must come after `drawing` (…, ignoredErrors, smartTags, drawing,
 * legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls, webPublishItems,
 * tableParts, extLst). Everything else a sheet can hold comes before it.
 */
export const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/** The prefix (with its colon, or "") of the root element's name. */
const prefixOf = (name: string) => (name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "");

/** The r:id of the sheet's `<drawing>` element, if it has one. */
export function drawingRelId(sheetXml: string): string | undefined {
  const drawing = scanRoot(sheetXml).children.find((c) => localName(c.name) === "drawing");
  if (!drawing) return undefined;
  const a = attributes(drawing.tag);
  const key = Object.keys(a).find((k) => localName(k) === "id" && k.includes(":"));
  return key ? a[key] : undefined;
}

/**
 * The sheet with `<drawing r:id="relId"/>` inserted before the first child that CT_Worksheet
 * puts after it (tableParts, extLst, …), or at the end. The relationships namespace is declared
 * on the root if the sheet does not declare it yet.
 */
export function insertDrawing(sheetXml: string, relId: string): string {
  const { root, children, closeAt } = scanRoot(sheetXml);
  if (children.some((c) => localName(c.name) === "drawing")) {
    throw new Error("the sheet already has a drawing element");
  }
  const rootAttrs = attributes(root.tag);
  let relPrefix = Object.keys(rootAttrs)
    .find((k) => k.startsWith("xmlns:") && rootAttrs[k] === OFFICE_RELS_NS)
    ?.slice("xmlns:".length);
  let rootTag = root.tag;
  if (!relPrefix) {
    relPrefix = rootAttrs["xmlns:r"] === undefined ? "r" : "rel";
    rootTag = root.tag.replace(/\s*(\/?)>$/, ` xmlns:${relPrefix}="${OFFICE_RELS_NS}"$1>`);
  }
  const element = `<${prefixOf(root.name)}drawing ${relPrefix}:id="${escapeAttr(relId)}"/>`;
  const after = new Set<string>(AFTER_DRAWING);
  const next = children.find((c) => after.has(localName(c.name)));
  const at = next ? next.start : closeAt;
  const body = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  return body.slice(0, root.start) + rootTag + body.slice(root.end);
}
