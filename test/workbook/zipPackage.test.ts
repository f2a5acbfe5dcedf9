import JSZip from "jszip";
import {
  DeflatedPartWriter,
  deflatedEntry,
  entryText,
  readZip,
  settled,
  writeZip,
  type OutEntry,
} from "../../src/workbook/xlsx/zipPackage";

const concat = (chunks: Uint8Array[]) => new Uint8Array(Buffer.concat(chunks));

async function sample(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("a.xml", "<a>héllo</a>", { compression: "DEFLATE" });
  zip.file("dir/b.bin", new Uint8Array([0, 1, 2, 3, 255]), { compression: "STORE" });
  zip.file("c.txt", "x".repeat(10000), { compression: "DEFLATE" });
  return zip.generateAsync({ type: "uint8array" });
}

describe("the zip package reader and writer", () => {
  it("reads every entry's name and content", async () => {
    const entries = readZip(await sample()).filter((e) => !e.name.endsWith("/"));
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "dir/b.bin", "c.txt"]);
    expect(entryText(entries[0])).toBe("<a>héllo</a>");
    expect(entries[1].method).toBe(0);
    expect([...entries[1].raw]).toEqual([0, 1, 2, 3, 255]);
    expect(entryText(entries[2])).toBe("x".repeat(10000));
  });

  it("copies entries with their compressed bytes verbatim and adds new deflated ones", async () => {
    const input = readZip(await sample()).filter((e) => !e.name.endsWith("/"));
    const big = new DeflatedPartWriter("big.xml", 6);
    const piece = "<row>" + "0123456789".repeat(50) + "</row>";
    for (let i = 0; i < 5000; i++) big.write(piece); // ~2.5 MB: several deflate segments
    const out: OutEntry[] = [
      ...input.map((entry) => ({ kind: "raw" as const, entry })),
      deflatedEntry("new.xml", "<new/>"),
      big.finish(),
    ];
    await settled(out);
    const bytes = concat(writeZip(out));
    const again = readZip(bytes);
    expect(again.map((e) => e.name)).toEqual(["a.xml", "dir/b.bin", "c.txt", "new.xml", "big.xml"]);
    input.forEach((e, i) => expect(Buffer.compare(e.raw, again[i].raw)).toBe(0));
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file("a.xml")!.async("string")).toBe("<a>héllo</a>");
    expect(await zip.file("new.xml")!.async("string")).toBe("<new/>");
    expect(await zip.file("big.xml")!.async("string")).toBe(piece.repeat(5000));
  });

  it("refuses bytes that are not a zip with a clear message", () => {
    expect(() => readZip(new Uint8Array([1, 2, 3]))).toThrow(/not an \.xlsx \(zip\) file/);
  });
});
