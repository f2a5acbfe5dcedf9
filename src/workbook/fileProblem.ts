/**
 * Why bytes are not a workbook CompAlign can open, in plain words (iss14): each kind of file a
 * person may hand over by mistake gets its own message and its own fix. Decided from the bytes
 * themselves (the first few and, for an OLE file, its stream names), never from a parser's error
 * text, which is not for users.
 */
import JSZip from "jszip";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Whether the bytes hold `text` as UTF-16LE (how an OLE file names its streams). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function hasAscii(bytes: Uint8Array, text: string, within = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(within, bytes.byteLength)).includes(
    Buffer.from(text, "latin1")
  );
}

export const ENCRYPTED =
  "the workbook is encrypted (password-protected): save an unprotected copy in Excel (File > Info > Protect Workbook > Encrypt with Password, clear the password) and use that";
export const OLD_XLS =
  "it is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)";
export const OLE_OTHER = "it is an old-style Office file, not an Excel workbook (.xlsx)";
export const ODS =
  "it is an OpenDocument spreadsheet (.ods), not an Excel workbook: open it in LibreOffice or Excel and save it as .xlsx";
export const CORRUPT_ZIP =
  "the file is damaged (its zip package is incomplete or corrupt): save the workbook again from Excel, or use an earlier copy";
export const NOT_WORKBOOK_ZIP =
  "it is a zip file but not an Excel workbook (it has no xl/workbook.xml)";
export const BROKEN_XML =
  "a part of the workbook is damaged (its XML cannot be read): open it in Excel, let it repair the file, and save a copy";
export const EMPTY_FILE = "the file is empty";
export const TEXT_FILE =
  "it is a text file (CSV, HTML or XML), not an Excel workbook: open it in Excel and save it as an Excel Workbook (.xlsx)";
export const NOT_XLSX = "it is not an Excel workbook (.xlsx)";

/** A problem decided from the first bytes alone (before any parser runs), or null. */
export function sniffFileProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return EMPTY_FILE;
  if (startsWith(bytes, CFB_MAGIC)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage")) return ENCRYPTED;
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return OLD_XLS;
    return OLE_OTHER;
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    // An OpenDocument package starts with an uncompressed "mimetype" entry naming its kind.
    if (hasAscii(bytes, "application/vnd.oasis.opendocument", 200)) return ODS;
    // A complete zip ends with its directory (signature PK 5 6 in the last 64 KB).
    const tail = bytes.subarray(Math.max(0, bytes.length - 65_557));
    if (
      !Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).includes(Buffer.from(EMPTY_ZIP))
    )
      return CORRUPT_ZIP;
    // Every part's name is in the package in plain text: a workbook has xl/workbook.xml.
    if (!hasAscii(bytes, "xl/workbook.xml")) return NOT_WORKBOOK_ZIP;
    return null;
  }
  if (startsWith(bytes, EMPTY_ZIP)) return NOT_WORKBOOK_ZIP;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(512, bytes.byteLength));
  const printable = [...head].every(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)
  );
  return printable ? TEXT_FILE : NOT_XLSX;
}

/** Why a file that looked like a zip package still could not be read as a workbook. */
export async function zipFileProblem(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return CORRUPT_ZIP;
  }
  const names = Object.keys(zip.files);
  const mimetype = zip.file("mimetype");
  if (mimetype && (await mimetype.async("string")).includes("opendocument")) return ODS;
  if (!names.some((n) => n.toLowerCase() === "xl/workbook.xml")) return NOT_WORKBOOK_ZIP;
  // Every part is there: one of them did not parse (or could not be unpacked).
  for (const name of names) {
    try {
      await zip.files[name].async("uint8array");
    } catch {
      return CORRUPT_ZIP;
    }
  }
  return BROKEN_XML;
}

/** Plain words for bytes a workbook loader rejected (or would reject). */
export async function describeFileProblem(bytes: Uint8Array): Promise<string> {
  return sniffFileProblem(bytes) ?? (await zipFileProblem(bytes));
}
