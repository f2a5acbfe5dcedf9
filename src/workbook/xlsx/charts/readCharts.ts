/**
 * A small reader of the charts in an .xlsx file, for tests and diagnostics: per sheet, each
 * chart's type, title, axis titles, anchor and series (name, references, cached values). It
 * reads what `addCharts` writes (and charts of the same shape from Excel); it is not a general
 * chart parser.
 */
import JSZip from "jszip";
import type { ChartSpec } from "../../port";
import type { Anchor } from "./drawingXml";
import { drawingRelId, parseRels, relsPathOf, resolveTarget, sheetParts } from "./opc";
import { attributes, unescapeXml } from "./xml";

export interface WrittenSeries {
  /** The series name from its cache (null when the header cell was blank). */
  name: string | null;
  /** Reference of the header cell, e.g. `'Scenario Comparison'!$B$7`. */
  nameRef: string | null;
  /** Reference of the categories (c:cat) or x values (c:xVal); null when there are none. */
  categoriesRef: string | null;
  /** Reference of the values (c:val) or y values (c:yVal). */
  valuesRef: string | null;
  /** Cached categories as text (null where blank). */
  categories: (string | null)[];
  /** Cached values (null where the cell was blank or not a number). */
  values: (number | null)[];
}

export interface WrittenChart {
  /** The chart part, e.g. "xl/charts/chart1.xml". */
  part: string;
  /** The drawing part that anchors it. */
  drawing: string;
  type: ChartSpec["type"] | "other";
  title: string | null;
  xAxisTitle: string | null;
  yAxisTitle: string | null;
  /** Zero-based cells of the anchor (null for an anchor that is not a twoCellAnchor). */
  anchor: Anchor | null;
  series: WrittenSeries[];
}

/** The content of the first `<c:name>…</c:name>` in a fragment (no nesting of the same name). */
function element(xml: string, name: string): string | null {
  const match = new RegExp(`<c:${name}(?:\\s[^>]*)?>([\\s\\S]*?)</c:${name}>`).exec(xml);
  return match ? match[1] : null;
}

function all(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<c:${name}(?:\\s[^>]*)?>([\\s\\S]*?)</c:${name}>`, "g"))].map(
    (m) => m[1]
  );
}

/** The text of the a:t runs of a title, or null. */
function titleText(fragment: string | null): string | null {
  if (fragment === null) return null;
  const runs = [...fragment.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => unescapeXml(m[1]));
  return runs.length > 0 ? runs.join("") : null;
}

/** Cached points of a reference: index → text. */
function points(fragment: string | null): (string | null)[] {
  if (fragment === null) return [];
  const count = Number(/<c:ptCount val="(\d+)"/.exec(fragment)?.[1] ?? 0);
  const out: (string | null)[] = Array.from({ length: count }, () => null);
  for (const m of fragment.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([\s\S]*?)<\/c:v>/g)) {
    out[Number(m[1])] = unescapeXml(m[2]);
  }
  return out;
}

const formula = (fragment: string | null) => {
  const f = fragment === null ? null : element(fragment, "f");
  return f === null ? null : unescapeXml(f);
};

function series(xml: string): WrittenSeries {
  const tx = element(xml, "tx");
  const cat = element(xml, "cat") ?? element(xml, "xVal");
  const val = element(xml, "val") ?? element(xml, "yVal");
  return {
    name: tx === null ? null : (points(tx)[0] ?? null),
    nameRef: formula(tx),
    categoriesRef: formula(cat),
    valuesRef: formula(val),
    categories: points(cat),
    values: points(val).map((v) => (v === null ? null : Number(v))),
  };
}

/** Reads one chart part. */
export function readChartXml(xml: string): Omit<WrittenChart, "part" | "drawing" | "anchor"> {
  const barDir = /<c:barDir val="(\w+)"/.exec(xml)?.[1];
  const type: WrittenChart["type"] = xml.includes("<c:barChart>")
    ? barDir === "bar"
      ? "bar"
      : "column"
    : xml.includes("<c:lineChart>")
      ? "line"
      : xml.includes("<c:scatterChart>")
        ? "scatter"
        : xml.includes("<c:pieChart>")
          ? "pie"
          : "other";
  const chart = element(xml, "chart") ?? "";
  const beforePlot = chart.slice(0, Math.max(0, chart.indexOf("<c:plotArea>")));
  const axes = [
    ...chart.matchAll(/<c:(?:catAx|valAx|dateAx)>([\s\S]*?)<\/c:(?:catAx|valAx|dateAx)>/g),
  ].map((m) => m[1]);
  return {
    type,
    title: titleText(element(beforePlot, "title")),
    xAxisTitle: axes[0] ? titleText(element(axes[0], "title")) : null,
    yAxisTitle: axes[1] ? titleText(element(axes[1], "title")) : null,
    series: all(chart, "ser").map(series),
  };
}

/** Anchor positions by chart relationship id, from a drawing part. */
function anchorsByRelId(drawing: string): Map<string, Anchor | null> {
  const out = new Map<string, Anchor | null>();
  const cell = (fragment: string | undefined) =>
    fragment === undefined
      ? undefined
      : {
          col: Number(/<xdr:col>(\d+)<\/xdr:col>/.exec(fragment)?.[1]),
          row: Number(/<xdr:row>(\d+)<\/xdr:row>/.exec(fragment)?.[1]),
        };
  for (const m of drawing.matchAll(
    /<xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:\1>/g
  )) {
    const chartTag = /<c:chart\b[^>]*>/.exec(m[0])?.[0];
    if (!chartTag) continue;
    const id = attributes(chartTag)["r:id"];
    const from = cell(/<xdr:from>([\s\S]*?)<\/xdr:from>/.exec(m[0])?.[1]);
    const to = cell(/<xdr:to>([\s\S]*?)<\/xdr:to>/.exec(m[0])?.[1]);
    out.set(id, m[1] === "twoCellAnchor" && from && to ? { from, to } : null);
  }
  return out;
}

/** The charts of every sheet, in tab order (sheets without charts have an empty list). */
export async function chartsFromXlsx(
  xlsx: Uint8Array
): Promise<{ sheet: string; charts: WrittenChart[] }[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (path: string) => (await zip.file(path)?.async("string")) ?? undefined;
  const workbook = (await read("xl/workbook.xml")) ?? "";
  const rels = (await read("xl/_rels/workbook.xml.rels")) ?? "";
  const out: { sheet: string; charts: WrittenChart[] }[] = [];
  for (const part of sheetParts(workbook, rels)) {
    const charts: WrittenChart[] = [];
    const sheetXml = (await read(part.path)) ?? "";
    const drawingId = sheetXml ? drawingRelId(sheetXml) : undefined;
    const drawingRel = parseRels(await read(relsPathOf(part.path))).find((r) => r.id === drawingId);
    if (drawingRel) {
      const drawingPath = resolveTarget(part.path, drawingRel.target);
      const anchors = anchorsByRelId((await read(drawingPath)) ?? "");
      const chartRels = new Map(
        parseRels(await read(relsPathOf(drawingPath))).map((r) => [r.id, r])
      );
      // In the drawing's order (the order the charts were added).
      for (const [id, anchor] of anchors) {
        const rel = chartRels.get(id);
        const chartPath = rel ? resolveTarget(drawingPath, rel.target) : undefined;
        const xml = chartPath ? await read(chartPath) : undefined;
        if (chartPath === undefined || xml === undefined) continue;
        charts.push({ part: chartPath, drawing: drawingPath, anchor, ...readChartXml(xml) });
      }
    }
    out.push({ sheet: part.name, charts });
  }
  return out;
}
