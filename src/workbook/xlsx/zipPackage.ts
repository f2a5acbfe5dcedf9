/**
 * A small zip reader and writer on Node's zlib, for patching .xlsx packages: an entry read from
 * a package is copied to the new one with its compressed bytes verbatim (no inflate, no
 * deflate), only its local header is written anew; new and changed entries are deflated with
 * native zlib. Enough of the zip format (PKWARE APPNOTE 6.3) for Office packages: stored and
 * deflated entries, data descriptors on input, no encryption, no zip64 (a package over 4 GB or
 * 65,535 entries is refused with a clear message).
 */
import {
  crc32,
  deflateRaw,
  deflateRawSync,
  inflateRawSync,
  constants as zlibConstants,
} from "node:zlib";
import { WorkbookError } from "../port";

/**
 * True where Node's zlib is there (the CLI). The browser bundle (the playground's Download
 * .xlsx) resolves node:zlib to nothing, and the workbook is then written whole by exceljs.
 */
export const NATIVE_ZIP = typeof deflateRawSync === "function" && typeof crc32 === "function";

/** One entry of a package as read: where its compressed bytes are in the file. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** General purpose flags (bit 11: UTF-8 name). */
  flags: number;
  /** Last modified time and date, DOS format, as the input had them. */
  time: number;
  date: number;
  /** The compressed bytes (a view into the package, not a copy). */
  raw: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const unreadable = (why: string) =>
  new WorkbookError("unreadable", `not an .xlsx (zip) file: ${why}`);

/** The entries of a zip file, in central-directory order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw unreadable("zip64 packages (over 4 GB or 65,535 parts) are not supported");
  if (cdOffset + cdSize > bytes.length) throw unreadable("the central directory is cut off");
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw unreadable("a central directory entry is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw unreadable(`part ${name} is encrypted`);
    if (method !== 0 && method !== 8)
      throw unreadable(`part ${name} uses compression method ${method}`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL)
      throw unreadable(`part ${name} is damaged`);
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw unreadable(`part ${name} is cut off`);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      flags,
      time,
      date,
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
  }
  return entries;
}

/** The uncompressed bytes of an entry. */
export function entryBytes(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.raw;
  try {
    return inflateRawSync(entry.raw);
  } catch (error) {
    throw unreadable(`part ${entry.name} cannot be inflated (${(error as Error).message})`);
  }
}

export function entryText(entry: ZipEntry): string {
  return Buffer.from(entryBytes(entry)).toString("utf8");
}

/** A part to write: an entry copied raw, or new bytes to deflate (or already deflated). */
export type OutEntry =
  | { kind: "raw"; entry: ZipEntry }
  | {
      kind: "deflated";
      name: string;
      /** Raw-deflated bytes (possibly several buffers) of `size` bytes with this crc. */
      chunks: Uint8Array[];
      crc: number;
      size: number;
      /** Resolves when every chunk is deflated (chunks compressed on zlib's thread pool). */
      ready?: Promise<void>;
    };

/** A new part, deflated with native zlib. */
export function deflatedEntry(name: string, content: string | Uint8Array, level = 6): OutEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const chunk = deflateRawSync(bytes, { level, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
  return { kind: "deflated", name, chunks: [chunk], crc: crc32(bytes), size: bytes.length };
}

/** DOS time and date of `when` (local time, 2-second resolution, as zip tools store it). */
function dosDateTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** Waits until every entry's chunks are deflated. */
export async function settled(entries: readonly OutEntry[]): Promise<void> {
  await Promise.all(entries.map((e) => (e.kind === "deflated" ? e.ready : undefined)));
}

interface EntryFields {
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/**
 * Writes the run of fields the local header (at 6) and the central directory header (at 8)
 * share, in the zip format's order: flags, method, time, date, CRC-32, sizes, name length.
 */
function writeEntryFields(buf: Buffer, at: number, f: EntryFields): void {
  buf.writeUInt16LE(f.flags, at);
  buf.writeUInt16LE(f.method, at + 2);
  buf.writeUInt16LE(f.time, at + 4);
  buf.writeUInt16LE(f.date, at + 6);
  buf.writeUInt32LE(f.crc >>> 0, at + 8);
  buf.writeUInt32LE(f.compressedSize, at + 12);
  buf.writeUInt32LE(f.size, at + 16);
  buf.writeUInt16LE(f.nameLength, at + 20);
}

/**
 * A zip file of the entries, in order, as buffers to write one after another (no copy of the
 * raw entries' bytes is made).
 */
export function writeZip(entries: readonly OutEntry[], now = new Date()): Uint8Array[] {
  if (entries.length >= 0xffff) throw new Error("too many parts for a zip without zip64");
  const stamp = dosDateTime(now);
  const out: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.kind === "raw" ? e.entry.name : e.name, "utf8");
    const method = e.kind === "raw" ? e.entry.method : 8;
    const crc = e.kind === "raw" ? e.entry.crc : e.crc;
    const size = e.kind === "raw" ? e.entry.size : e.size;
    const data = e.kind === "raw" ? [e.entry.raw] : e.chunks;
    const compressedSize = data.reduce((s, d) => s + d.length, 0);
    const { time, date } = e.kind === "raw" ? e.entry : stamp;
    // Bit 11 (UTF-8 names) kept; bit 3 (data descriptor) dropped: sizes are in the header.
    const flags =
      (e.kind === "raw" ? e.entry.flags & 0x0800 : 0) |
      (/[^\x20-\x7e]/.test(name.toString("latin1")) ? 0x0800 : 0);
    if (offset + compressedSize > 0xffffffff) throw new Error("the package would be over 4 GB");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    const fields: EntryFields = {
      flags,
      method,
      time,
      date,
      crc,
      compressedSize,
      size,
      nameLength: name.length,
    };
    writeEntryFields(local, 6, fields);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    writeEntryFields(header, 8, fields);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    out.push(local, name, ...data);
    offset += 30 + name.length + compressedSize;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  out.push(...central, end);
  return out;
}

/**
 * One entry deflated from many pieces of text without building one big string: text is
 * compressed in blocks of about 1 MB, each block a raw deflate segment ended with a full flush
 * (byte-aligned, not final), the last one finished; the segments concatenated are one valid
 * deflate stream (zlib's documented `finishFlush`). Blocks are deflated on zlib's thread pool,
 * so compression runs beside the JavaScript that writes the next rows; `finish()` gives the
 * entry with a `ready` promise (writeZip's callers await it).
 */
export class DeflatedPartWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly pending: Promise<void>[] = [];
  private crc = 0;
  private size = 0;
  private text: string[] = [];
  private textLength = 0;

  constructor(
    readonly name: string,
    private readonly level = 6
  ) {}

  /** Adds text. */
  write(text: string): void {
    this.text.push(text);
    this.textLength += text.length;
    if (this.textLength >= 1 << 20) this.flush(false);
  }

  private flush(last: boolean): void {
    const bytes = Buffer.from(this.text.join(""), "utf8");
    this.text = [];
    this.textLength = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    const index = this.chunks.push(new Uint8Array(0)) - 1;
    const options = {
      level: this.level,
      finishFlush: last ? zlibConstants.Z_FINISH : zlibConstants.Z_FULL_FLUSH,
    };
    this.pending.push(
      new Promise((resolve, reject) =>
        deflateRaw(bytes, options, (error, out) => {
          if (error) reject(error);
          else {
            this.chunks[index] = out;
            resolve();
          }
        })
      )
    );
  }

  /** The finished entry (its chunks complete once `ready` resolves). */
  finish(): OutEntry {
    this.flush(true);
    return {
      kind: "deflated",
      name: this.name,
      chunks: this.chunks,
      crc: this.crc,
      size: this.size,
      ready: Promise.all(this.pending).then(() => undefined),
    };
  }
}
