/**
 * CompAlign's cell styles appended to a workbook's styles.xml once per write: every (number
 * format, block style) pair the written sheets use becomes one cell format (`<xf>`) added after
 * the workbook's own, with the fonts (title bold 14 pt, header bold, note italic grey), the
 * header fill and the custom number formats they need. Nothing already in the part changes: the
 * user's styles keep their indexes. The looks are those of ./cellStyles.ts (exceljs path), so
 * `styleOf` recognises them when a file is read back.
 */
import type { CellStyle } from "../cellStore";
import { escapeAttr, unescapeXml } from "./charts/xml";

/** Excel's built-in number formats CompAlign uses (ECMA-376 part 1, 18.8.30). */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
};

const HEADER_FILL = "FFDDEBF7";
const NOTE_GREY = "FF595959";

/** Allocates style indexes while sheets are written; `patch` then adds them to styles.xml. */
export class StyleRegistry {
  private readonly keys = new Map<string, number>();
  private readonly used: { numberFormat: string | null; style: CellStyle | null; wrap: boolean }[] =
    [];
  private readonly dxfs: string[] = [];
  private dxfBase = 0;

  /** @param base the number of cell formats the workbook has (the first new index). */
  constructor(private readonly base: number) {}

  /** The cell-format index for a cell with this number format and block style (0: default). */
  index(numberFormat: string | null, style: CellStyle | null, wrap = false): number {
    if (numberFormat === null && style === null && !wrap) return 0;
    const key = `${style ?? ""}\u0000${numberFormat ?? ""}\u0000${wrap ? 1 : 0}`;
    let index = this.keys.get(key);
    if (index === undefined) {
      index = this.base + this.used.length;
      this.keys.set(key, index);
      this.used.push({ numberFormat, style, wrap });
    }
    return index;
  }

  /**
   * A differential format (font colour, optional fill) for a conditional format; its index
   * counts from the workbook's own `<dxfs>` (set by `countDxfs` before sheets are written).
   */
  dxf(fontColor: string, fillColor: string | null): number {
    const fill = fillColor
      ? `<fill><patternFill patternType="solid"><bgColor rgb="FF${fillColor.slice(1).toUpperCase()}"/></patternFill></fill>`
      : "";
    const xml = `<dxf><font><color rgb="FF${fontColor.slice(1).toUpperCase()}"/></font>${fill}</dxf>`;
    let i = this.dxfs.indexOf(xml);
    if (i < 0) i = this.dxfs.push(xml) - 1;
    return this.dxfBase + i;
  }

  /** Reads how many differential formats the workbook has (the first new dxf index). */
  countDxfs(stylesXml: string): void {
    this.dxfBase = count(section(stylesXml, "dxfs"), "dxf");
  }

  get size(): number {
    return this.used.length;
  }

  /** Whether styles.xml changes (a cell format or a differential format was used). */
  get changes(): boolean {
    return this.used.length > 0 || this.dxfs.length > 0;
  }

  /** styles.xml with the registered formats appended (unchanged when none was used). */
  patch(stylesXml: string): string {
    if (this.used.length === 0 && this.dxfs.length === 0) return stylesXml;
    let xml = stylesXml;
    if (this.dxfs.length > 0) {
      if (/<dxfs\b/.test(xml)) xml = appendTo(xml, "dxfs", this.dxfs);
      else {
        const before = /<tableStyles\b|<colors\b|<extLst\b|<\/styleSheet>/.exec(xml)!;
        xml = `${xml.slice(0, before.index)}<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>${xml.slice(before.index)}`;
      }
    }
    if (this.used.length === 0) return xml;

    // Number formats: built-in, one the workbook already defines, or a new id.
    const existing = new Map<string, number>();
    let maxId = 163;
    for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
      const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1]);
      const code = /formatCode="([^"]*)"/.exec(m[0])?.[1];
      if (Number.isFinite(id)) maxId = Math.max(maxId, id);
      if (code !== undefined && Number.isFinite(id)) existing.set(unescapeXml(code), id);
    }
    const added: string[] = [];
    const formatId = (code: string | null): number => {
      if (code === null) return 0;
      if (code in BUILT_IN) return BUILT_IN[code];
      const known = existing.get(code);
      if (known !== undefined) return known;
      const id = ++maxId;
      existing.set(code, id);
      added.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      return id;
    };
    const formatIds = this.used.map((u) => formatId(u.numberFormat));
    if (added.length > 0) {
      if (/<numFmts\b/.test(xml)) {
        xml = appendTo(xml, "numFmts", added);
      } else {
        const open = /<styleSheet\b[^>]*>/.exec(xml)!;
        const at = open.index + open[0].length;
        xml = `${xml.slice(0, at)}<numFmts count="${added.length}">${added.join("")}</numFmts>${xml.slice(at)}`;
      }
    }

    // Fonts from the workbook's default font (its name, family and scheme), then the fill.
    const defaultFont = /<font\b[^>]*>([\s\S]*?)<\/font>/.exec(section(xml, "fonts"))?.[1] ?? "";
    const keep = (defaultFont.match(/<(?:name|family|charset|scheme)\b[^>]*\/>/g) ?? []).join("");
    const size = /<sz\b[^>]*\/>/.exec(defaultFont)?.[0] ?? '<sz val="11"/>';
    const fontBase = count(section(xml, "fonts"), "font");
    const fonts: Record<CellStyle, number> = {
      title: fontBase,
      header: fontBase + 1,
      note: fontBase + 2,
    };
    xml = appendTo(xml, "fonts", [
      `<font><b/><sz val="14"/>${keep}</font>`,
      `<font><b/>${size}${keep}</font>`,
      `<font><i/>${size}<color rgb="${NOTE_GREY}"/>${keep}</font>`,
    ]);
    const headerFill = count(section(xml, "fills"), "fill");
    xml = appendTo(xml, "fills", [
      `<fill><patternFill patternType="solid"><fgColor rgb="${HEADER_FILL}"/><bgColor indexed="64"/></patternFill></fill>`,
    ]);

    const xfs = this.used.map(({ style, wrap }, i) => {
      const numFmtId = formatIds[i];
      const fontId = style ? fonts[style] : 0;
      const fillId = style === "header" ? headerFill : 0;
      const attrs =
        `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ""}${style ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}`;
      return wrap
        ? `<xf ${attrs} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`
        : `<xf ${attrs}/>`;
    });
    return appendTo(xml, "cellXfs", xfs);
  }
}

/** The number of cell formats (`<xf>` in `<cellXfs>`) of a styles part: the first free index. */
export function cellFormatCount(stylesXml: string): number {
  return count(section(stylesXml, "cellXfs"), "xf");
}

/** The content of `<name …>…</name>` (or "" when the element is absent or empty). */
function section(xml: string, name: string): string {
  const match = new RegExp(`<${name}\\b[^>]*?(/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return match?.[2] ?? "";
}

/** Children `<child …>` in a section's content. */
function count(content: string, child: string): number {
  return (content.match(new RegExp(`<${child}[\\s/>]`, "g")) ?? []).length;
}

/** Appends elements at the end of `<name>` (created empty elements too), updating its count. */
function appendTo(xml: string, name: string, elements: string[]): string {
  const open = new RegExp(`<${name}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) throw new Error(`styles.xml has no <${name}>`);
  const total =
    count(section(xml, name), name.slice(0, -1) === "cellXf" ? "xf" : name.slice(0, -1)) +
    elements.length;
  const attrs = /\bcount="\d+"/.test(open[1])
    ? open[1].replace(/\bcount="\d+"/, `count="${total}"`)
    : `${open[1]} count="${total}"`;
  if (open[2] === "/") {
    return `${xml.slice(0, open.index)}<${name}${attrs}>${elements.join("")}</${name}>${xml.slice(open.index + open[0].length)}`;
  }
  const close = xml.indexOf(`</${name}>`, open.index);
  return `${xml.slice(0, open.index)}<${name}${attrs}>${xml.slice(open.index + open[0].length, close)}${elements.join("")}${xml.slice(close)}`;
}
