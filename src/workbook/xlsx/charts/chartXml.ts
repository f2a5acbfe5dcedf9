/**
 * The chart part (`xl/charts/chartK.xml`, a DrawingML c:chartSpace) for one ChartSpec. Excel
 * refuses a file whose chart XML breaks the schema's element order, so every builder writes its
 * children in the order of its ECMA-376 complex type (dml-chart.xsd), noted on each builder.
 *
 * Every reference carries a cache (c:strCache / c:numCache) of the values it points at, so a
 * viewer that does not recalculate (LibreOffice, previews, Excel before it recalculates) shows
 * the data. Elements whose default differs between Excel and LibreOffice (c:delete, c:overlay,
 * c:autoTitleDeleted, c:varyColors) are always written explicitly.
 */
import type { ChartSpec, SheetValue } from "../../port";
import type { ChartData, DataRef, SeriesData } from "./chartData";
import { escapeAttr, escapeText } from "./xml";

export const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

/** Axis ids: any unsigned ints unique within the chart; the pair the plot and the axes share. */
export const AXIS_IDS = { category: 510001, value: 510002 } as const;

const val = (name: string, value: string | number) =>
  `<c:${name} val="${escapeAttr(String(value))}"/>`;

const isNumber = (v: SheetValue): v is number => typeof v === "number" && Number.isFinite(v);

/** A number as xsd:double text. */
const numberText = (n: number) => String(n);

/** A cell value as the text a string cache shows. */
function text(v: SheetValue): string | null {
  if (v === null) return null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** CT_StrRef: f, strCache (CT_StrData: ptCount, pt*). Blank cells have no pt. */
export function strRefXml(data: DataRef): string {
  const points = data.values
    .map((v, i) => {
      const t = text(v);
      return t === null ? "" : `<c:pt idx="${i}"><c:v>${escapeText(t)}</c:v></c:pt>`;
    })
    .join("");
  return (
    `<c:strRef><c:f>${escapeText(data.ref)}</c:f>` +
    `<c:strCache>${val("ptCount", data.values.length)}${points}</c:strCache></c:strRef>`
  );
}

/** CT_NumRef: f, numCache (CT_NumData: formatCode, ptCount, pt*). Non-numeric cells have no pt. */
export function numRefXml(data: DataRef): string {
  const points = data.values
    .map((v, i) => (isNumber(v) ? `<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeText(data.ref)}</c:f>` +
    `<c:numCache><c:formatCode>${escapeText(data.formatCode ?? "General")}</c:formatCode>` +
    `${val("ptCount", data.values.length)}${points}</c:numCache></c:numRef>`
  );
}

/** Categories (or x values) as numbers when every non-blank cell is one, else as text. */
export function axisDataXml(data: DataRef): string {
  const present = data.values.filter((v) => v !== null);
  return present.length > 0 && present.every(isNumber) ? numRefXml(data) : strRefXml(data);
}

/**
 * CT_Title: tx (CT_Tx: rich = a:bodyPr, a:lstStyle, a:p+), layout, overlay. A vertical axis's
 * title is rotated to read bottom-to-top, as Excel draws it.
 */
export function titleXml(
  title: string,
  options: { size?: number; vertical?: boolean } = {}
): string {
  const size = options.size ?? 1400;
  const bodyPr = options.vertical ? `<a:bodyPr rot="-5400000" vert="horz"/>` : `<a:bodyPr/>`;
  return (
    `<c:title><c:tx><c:rich>${bodyPr}<a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="1"/><a:t>${escapeText(title)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:layout/>${val("overlay", 0)}</c:title>`
  );
}

/** The series name: CT_SerTx with a strRef to the header cell. */
const serTx = (series: SeriesData) => `<c:tx>${strRefXml(series.name)}</c:tx>`;

/** CT_BarSer: idx, order, tx, spPr, invertIfNegative, …, cat, val. */
function barSer(series: SeriesData, i: number): string {
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}${serTx(series)}${val("invertIfNegative", 0)}` +
    (series.categories ? `<c:cat>${axisDataXml(series.categories)}</c:cat>` : "") +
    `<c:val>${numRefXml(series.values)}</c:val></c:ser>`
  );
}

/**
 * CT_LineSer: idx, order, tx, spPr, marker, …, cat, val, smooth. Lines without markers, like
 * Excel's "Line" type that the Office adapter asks for.
 */
function lineSer(series: SeriesData, i: number): string {
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}${serTx(series)}` +
    `<c:marker>${val("symbol", "none")}</c:marker>` +
    (series.categories ? `<c:cat>${axisDataXml(series.categories)}</c:cat>` : "") +
    `<c:val>${numRefXml(series.values)}</c:val>${val("smooth", 0)}</c:ser>`
  );
}

/**
 * CT_ScatterSer: idx, order, tx, spPr, marker, …, xVal, yVal, smooth. Markers only: the
 * connecting line is switched off in spPr (Excel and LibreOffice both draw it otherwise).
 */
function scatterSer(series: SeriesData, i: number): string {
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}${serTx(series)}` +
    `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
    `<c:marker>${val("symbol", "circle")}${val("size", 6)}</c:marker>` +
    (series.categories ? `<c:xVal>${axisDataXml(series.categories)}</c:xVal>` : "") +
    `<c:yVal>${numRefXml(series.values)}</c:yVal>${val("smooth", 0)}</c:ser>`
  );
}

/** CT_PieSer: idx, order, tx, spPr, explosion, dPt*, dLbls, cat, val. */
function pieSer(series: SeriesData, i: number): string {
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}${serTx(series)}` +
    (series.categories ? `<c:cat>${axisDataXml(series.categories)}</c:cat>` : "") +
    `<c:val>${numRefXml(series.values)}</c:val></c:ser>`
  );
}

const axIds = () => val("axId", AXIS_IDS.category) + val("axId", AXIS_IDS.value);

/** The plot element (c:barChart, c:lineChart, c:scatterChart or c:pieChart) with its series. */
export function plotXml(type: ChartSpec["type"], series: SeriesData[]): string {
  switch (type) {
    case "column":
    case "bar":
      // CT_BarChart: barDir, grouping, varyColors, ser*, dLbls, gapWidth, overlap, serLines*, axId×2.
      return (
        `<c:barChart>${val("barDir", type === "column" ? "col" : "bar")}${val("grouping", "clustered")}` +
        `${val("varyColors", 0)}${series.map(barSer).join("")}${val("gapWidth", 150)}${axIds()}</c:barChart>`
      );
    case "line":
      // CT_LineChart: grouping, varyColors, ser*, dLbls, dropLines, hiLowLines, upDownBars, marker, smooth, axId×2.
      return (
        `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}` +
        `${series.map(lineSer).join("")}${val("marker", 1)}${axIds()}</c:lineChart>`
      );
    case "scatter":
      // CT_ScatterChart: scatterStyle, varyColors, ser*, dLbls, axId×2.
      return (
        `<c:scatterChart>${val("scatterStyle", "marker")}${val("varyColors", 0)}` +
        `${series.map(scatterSer).join("")}${axIds()}</c:scatterChart>`
      );
    case "pie":
      // CT_PieChart: varyColors, ser*, dLbls, firstSliceAng.
      return (
        `<c:pieChart>${val("varyColors", 1)}${series.map(pieSer).join("")}` +
        `${val("firstSliceAng", 0)}</c:pieChart>`
      );
  }
}

interface AxisOptions {
  id: number;
  crossAx: number;
  /** b(ottom), l(eft), t(op), r(ight). */
  pos: "b" | "l";
  title?: string;
  gridlines?: boolean;
  /** The tick labels' number format (linked to the source cells; this is what a cache-only viewer shows). */
  format?: string;
}

/**
 * The part every axis type shares (EG_AxShared): axId, scaling (orientation), delete, axPos,
 * majorGridlines, title, numFmt, majorTickMark, minorTickMark, tickLblPos, crossAx, crosses.
 */
function axisShared(axis: AxisOptions): string {
  return (
    `${val("axId", axis.id)}<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", axis.pos)}` +
    (axis.gridlines ? `<c:majorGridlines/>` : "") +
    (axis.title ? titleXml(axis.title, { size: 1000, vertical: axis.pos === "l" }) : "") +
    `<c:numFmt formatCode="${escapeAttr(axis.format ?? "General")}" sourceLinked="1"/>` +
    `${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${val("crossAx", axis.crossAx)}${val("crosses", "autoZero")}`
  );
}

/** CT_CatAx: EG_AxShared, auto, lblAlgn, lblOffset, noMultiLvlLbl. */
export function catAxXml(axis: AxisOptions): string {
  return (
    `<c:catAx>${axisShared(axis)}${val("auto", 1)}${val("lblAlgn", "ctr")}` +
    `${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>`
  );
}

/** CT_ValAx: EG_AxShared, crossBetween. */
export function valAxXml(axis: AxisOptions, crossBetween: "between" | "midCat"): string {
  return `<c:valAx>${axisShared(axis)}${val("crossBetween", crossBetween)}</c:valAx>`;
}

/**
 * The axes of a plot, category (or x) axis first. A column or line chart has categories along
 * the bottom, a bar chart along the left; a scatter chart has two value axes. The x-axis title
 * goes on the category axis and the y-axis title on the value axis whichever way they run (as
 * Office.js's categoryAxis / valueAxis do). A pie has none.
 */
export function axesXml(
  spec: Pick<ChartSpec, "type" | "xAxisTitle" | "yAxisTitle">,
  series: SeriesData[] = []
): string {
  const { category, value } = AXIS_IDS;
  const horizontalBars = spec.type === "bar";
  const x = {
    id: category,
    crossAx: value,
    pos: horizontalBars ? ("l" as const) : ("b" as const),
    title: spec.xAxisTitle,
    format: spec.type === "scatter" ? series[0]?.categories?.formatCode : undefined,
  };
  const y = {
    id: value,
    crossAx: category,
    pos: horizontalBars ? ("b" as const) : ("l" as const),
    title: spec.yAxisTitle,
    gridlines: true,
    format: series[0]?.values.formatCode,
  };
  switch (spec.type) {
    case "pie":
      return "";
    case "scatter":
      return valAxXml(x, "midCat") + valAxXml(y, "midCat");
    default:
      return catAxXml(x) + valAxXml(y, "between");
  }
}

/** CT_Legend: legendPos, legendEntry*, layout, overlay. */
export const legendXml = (position: "r" | "b" = "r") =>
  `<c:legend>${val("legendPos", position)}<c:layout/>${val("overlay", 0)}</c:legend>`;

/**
 * The whole part (date1904 as the workbook has it, so date values read the same). CT_ChartSpace: date1904, lang, roundedCorners, …, chart. CT_Chart: title,
 * autoTitleDeleted, …, plotArea, legend, plotVisOnly, dispBlanksAs. CT_PlotArea: layout, the
 * plot, the axes.
 */
export function chartSpaceXml(
  spec: ChartSpec,
  data: ChartData,
  options: { date1904?: boolean } = {}
): string {
  const title = spec.title.trim();
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${val("date1904", options.date1904 ? 1 : 0)}${val("lang", "en-US")}${val("roundedCorners", 0)}` +
    `<c:chart>` +
    (title ? titleXml(title) : "") +
    val("autoTitleDeleted", title ? 0 : 1) +
    `<c:plotArea><c:layout/>${plotXml(spec.type, data.series)}${axesXml(spec, data.series)}</c:plotArea>` +
    legendXml(spec.type === "pie" ? "r" : "b") +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}` +
    `</c:chart></c:chartSpace>`
  );
}
