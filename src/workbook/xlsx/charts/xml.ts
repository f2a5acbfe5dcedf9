/**
 * Small XML helpers for the chart writer: escaping, attribute parsing and a shallow scan of a
 * root element's children. The parts it edits are written by exceljs (or by this writer), so a
 * tokenizer that understands tags, comments, CDATA and processing instructions is enough; no
 * DOM is built (a 100,000-row sheet stays a string).
 */

/** Characters XML 1.0 does not allow at all (they cannot even be escaped). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** What escapeText changes (most text has none of it: one test instead of four replaces). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text content: & < > escaped, characters XML cannot carry dropped. */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** An attribute value (in double quotes): also " and ' escaped. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The five predefined entities and numeric character references back to text. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
        );
    }
  });
}

/** The attributes of one start tag (`<sheet name="A" r:id="rId1"/>`), values unescaped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tag))) out[match[1]] = unescapeXml(match[3] ?? match[4] ?? "");
  return out;
}

/** The local part of a qualified name: `x:drawing` → `drawing`. */
export const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

export interface ElementSpan {
  /** The qualified name as written, e.g. "tableParts" or "x:tableParts". */
  name: string;
  /** Offset of the "<" of the start tag. */
  start: number;
  /** Offset just after the end tag (or the "/>" of an empty element). */
  end: number;
  /** The start tag itself. */
  tag: string;
}

export interface RootScan {
  /** The root's start tag and where it is. */
  root: ElementSpan;
  /** The root's child elements in document order. */
  children: ElementSpan[];
  /** Offset of the "<" of the root's end tag. */
  closeAt: number;
}

/**
 * The root element of a document and its direct children. Comments, CDATA sections, processing
 * instructions and the XML declaration are skipped; nesting below the children is only counted.
 */
export function scanRoot(xml: string): RootScan {
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let root: ElementSpan | undefined;
  const children: ElementSpan[] = [];
  let depth = 0;
  let open: ElementSpan | undefined;
  let match: RegExpExecArray | null;
  while ((match = token.exec(xml))) {
    const [text, closing, name, selfClosing] = match;
    if (name === undefined) continue; // comment, CDATA, PI, DOCTYPE
    if (closing) {
      depth--;
      if (depth === 1 && open) {
        open.end = match.index + text.length;
        children.push(open);
        open = undefined;
      } else if (depth === 0 && root) {
        return { root, children, closeAt: match.index };
      }
      continue;
    }
    const span = { name, start: match.index, end: match.index + text.length, tag: text };
    if (depth === 0) {
      root = span;
      if (selfClosing) break;
      depth = 1;
    } else if (depth === 1) {
      if (selfClosing) children.push(span);
      else {
        open = span;
        depth = 2;
      }
    } else if (!selfClosing) {
      depth++;
    }
  }
  throw new Error("not a well-formed XML document with a root element that has an end tag");
}

/** Every start tag of elements with this local name (any prefix), in order. */
export function startTags(xml: string, local: string): string[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(pattern) ?? [];
}
