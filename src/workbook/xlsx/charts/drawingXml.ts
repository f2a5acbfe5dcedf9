/**
 * The drawing part (`xl/drawings/drawingN.xml`, an xdr:wsDr) that places charts on a sheet: one
 * xdr:twoCellAnchor per chart, from the chart's top-left cell to the cell `widthCells` columns
 * right and `heightCells` rows down (offset 0), so the chart covers exactly widthCells ×
 * heightCells cells whatever their sizes, as Office.js's `setPosition(at, lastCell)` does.
 */
import { parseA1, type CellPosition } from "../../a1";
import { WorkbookError, type ChartSpec } from "../../port";
import { NS } from "./chartXml";
import { escapeAttr } from "./xml";

export const DEFAULT_WIDTH_CELLS = 8;
export const DEFAULT_HEIGHT_CELLS = 15;

export interface Anchor {
  from: CellPosition;
  /** The cell whose top-left corner is the chart's bottom-right corner. */
  to: CellPosition;
}

/** Where a chart goes on its sheet. */
export function anchorOf(
  spec: Pick<ChartSpec, "at" | "widthCells" | "heightCells" | "title">
): Anchor {
  const from = parseA1(spec.at);
  if (!from) {
    throw new WorkbookError("shape", `chart "${spec.title}": anchor "${spec.at}" is not a cell`);
  }
  const size = (n: number | undefined, fallback: number) =>
    n !== undefined && Number.isFinite(n) && n >= 1 ? Math.round(n) : fallback;
  return {
    from,
    to: {
      row: from.row + size(spec.heightCells, DEFAULT_HEIGHT_CELLS),
      col: from.col + size(spec.widthCells, DEFAULT_WIDTH_CELLS),
    },
  };
}

const marker = (tag: "from" | "to", at: CellPosition) =>
  `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
  `<xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

export interface AnchorOptions {
  anchor: Anchor;
  /** The drawing-unique shape id (xdr:cNvPr id, 1 and up; Excel uses 2 for the first). */
  shapeId: number;
  /** The relationship id (in the drawing's rels) of the chart part. */
  chartRelId: string;
  /** The chart's title: the shape's alt text. */
  title: string;
  /**
   * Declare the namespaces on the anchor itself (when it is appended to a drawing another
   * writer made, whose prefixes may differ).
   */
  declareNamespaces?: boolean;
}

/**
 * CT_TwoCellAnchor: from, to, graphicFrame (nvGraphicFramePr (cNvPr, cNvGraphicFramePr), xfrm,
 * a:graphic), clientData.
 */
export function twoCellAnchorXml(options: AnchorOptions): string {
  const ns = options.declareNamespaces ? ` xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"` : "";
  return (
    `<xdr:twoCellAnchor${ns}>` +
    marker("from", options.anchor.from) +
    marker("to", options.anchor.to) +
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${options.shapeId}" name="Chart ${options.shapeId - 1}" descr="${escapeAttr(options.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${escapeAttr(options.chartRelId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A new drawing part holding these anchors. */
export function drawingXml(anchors: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`
  );
}
