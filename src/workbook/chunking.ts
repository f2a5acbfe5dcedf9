/**
 * Keeping each request to Excel under its payload limit. Excel rejects a request whose body is
 * over 5 MB (Excel on the web; the desktop limit is higher), so a sheet's blocks are sent in
 * requests estimated at under 4,000,000 bytes: a block too big for one request is split into
 * consecutive row blocks, and blocks are packed into as few requests as fit. The Office adapter
 * makes one context.sync per request; the memory adapter counts the same number of syncs.
 *
 * The estimate is the UTF-8 size of the JSON the Office adapter sends for a block, rounded up
 * where it cannot know the exact text: the values (plus one byte per text value, for the
 * apostrophe that keeps text such as "=1+1" text), the formulas when the block has any, and the
 * number formats as Office.js takes them (a rows × 1 array per formatted column). An estimate
 * at or above the real payload means a chunk that fits here also fits there.
 */
import { formatA1, parseA1 } from "./a1";
import { WorkbookError, type Block } from "./port";

/** Bytes one request may carry, with room under Excel's 5 MB limit for the request's envelope. */
export const REQUEST_LIMIT_BYTES = 4_000_000;

/** UTF-8 length of a string, without encoding it (works in Node and in browsers). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes the number formats add per row: `["0%"],` for each formatted column. */
function formatRowBytes(block: Block): number {
  let bytes = 0;
  for (const format of block.numberFormats ?? []) {
    if (format !== null) bytes += utf8Length(JSON.stringify(format)) + 3;
  }
  return bytes;
}

/** Estimated bytes row `r` of the block adds to a request (values, formulas, number formats). */
export function rowPayloadBytes(
  block: Block,
  r: number,
  formatBytes = formatRowBytes(block)
): number {
  const values = block.values[r];
  let bytes = jsonArrayBytes(values) + 1;
  for (const value of values) if (typeof value === "string") bytes += 1;
  if (block.formulas) bytes += jsonArrayBytes(block.formulas[r]) + 1;
  return bytes + formatBytes;
}

/** Text JSON writes as the string's characters between quotes (printable ASCII, no " or \\). */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `utf8Length(JSON.stringify(row))` for a row of cell values, without building the row's JSON
 * (a 20,000-row tab is estimated cell by cell; most cells are numbers or plain text).
 */
function jsonArrayBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const value of row) {
    if (typeof value === "number") bytes += Number.isFinite(value) ? String(value).length : 4;
    else if (typeof value === "string")
      bytes += PLAIN_TEXT.test(value) ? value.length + 2 : utf8Length(JSON.stringify(value));
    else if (value === null || value === undefined) bytes += 4;
    else bytes += utf8Length(JSON.stringify(value) ?? "null");
  }
  return bytes;
}

/** Bytes a block costs whatever its rows: the brackets around each array it sends. */
function blockOverheadBytes(block: Block): number {
  let bytes = 2 + (block.formulas ? 2 : 0);
  for (const format of block.numberFormats ?? []) if (format !== null) bytes += 2;
  return bytes;
}

/** Estimated bytes of a whole block in one request. */
export function blockPayloadBytes(block: Block): number {
  const formatBytes = formatRowBytes(block);
  let bytes = blockOverheadBytes(block);
  for (let r = 0; r < block.values.length; r++) bytes += rowPayloadBytes(block, r, formatBytes);
  return bytes;
}

function rowsOf(block: Block, start: number, end: number): Block {
  const anchor = parseA1(block.at);
  if (!anchor) throw new WorkbookError("shape", `block anchor "${block.at}" is not a cell address`);
  const piece: Block = {
    ...block,
    at: formatA1({ row: anchor.row + start, col: anchor.col }),
    values: block.values.slice(start, end),
  };
  if (block.formulas) piece.formulas = block.formulas.slice(start, end);
  return piece;
}

/**
 * Splits a block into consecutive row blocks, each estimated under `limitBytes` (the block
 * itself, as the only element, when it fits). Number formats and style carry over to every
 * piece. Throws WorkbookError("too-large") when one row alone is over the limit.
 */
export function chunkRows(block: Block, limitBytes = REQUEST_LIMIT_BYTES): Block[] {
  return sizedChunks(block, limitBytes).map((c) => c.block);
}

/** chunkRows, with each chunk's estimated bytes (blockPayloadBytes), counted once. */
function sizedChunks(block: Block, limitBytes: number): { block: Block; bytes: number }[] {
  const formatBytes = formatRowBytes(block);
  const overhead = blockOverheadBytes(block);
  const chunks: { block: Block; bytes: number }[] = [];
  let start = 0;
  let size = overhead;
  for (let r = 0; r < block.values.length; r++) {
    const bytes = rowPayloadBytes(block, r, formatBytes);
    if (overhead + bytes > limitBytes) {
      throw new WorkbookError(
        "too-large",
        `block at ${block.at}: row ${r + 1} alone is about ${overhead + bytes} bytes, over the ${limitBytes}-byte request limit`
      );
    }
    if (size + bytes > limitBytes) {
      chunks.push({ block: rowsOf(block, start, r), bytes: size });
      start = r;
      size = overhead;
    }
    size += bytes;
  }
  if (start === 0) return [{ block, bytes: size }];
  chunks.push({ block: rowsOf(block, start, block.values.length), bytes: size });
  return chunks;
}

/**
 * The requests a sheet's blocks are written in: each block's row chunks, in order, packed
 * greedily so a request stays under `limitBytes`. Always at least one request (a sheet with no
 * blocks is still one request: adding the sheet, its tables and formats).
 */
export function packRequests(
  blocks: readonly Block[],
  limitBytes = REQUEST_LIMIT_BYTES
): Block[][] {
  const requests: Block[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    for (const { block: chunk, bytes } of sizedChunks(block, limitBytes)) {
      const current = requests[requests.length - 1];
      if (current.length > 0 && size + bytes > limitBytes) {
        requests.push([chunk]);
        size = bytes;
      } else {
        current.push(chunk);
        size += bytes;
      }
    }
  }
  return requests;
}
