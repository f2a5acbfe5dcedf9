/**
 * Writing a file atomically: the bytes go to a temporary file in the target's folder (same file
 * system, so the rename is atomic), which is renamed over the target only once every byte is
 * written and flushed. A failure part-way (disk full, a file-size limit, a crash) leaves the
 * previous file as it was and removes the temporary file.
 */
import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Writes `content` (one buffer or several, in order) to `path` atomically. */
export async function writeFileAtomic(
  path: string,
  content: Uint8Array | readonly Uint8Array[]
): Promise<void> {
  const chunks = content instanceof Uint8Array ? [content] : content;
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  const file = await open(temp, "wx");
  try {
    try {
      for (const chunk of chunks) {
        let done = 0;
        while (done < chunk.length) {
          const { bytesWritten } = await file.write(chunk, done, chunk.length - done);
          done += bytesWritten;
        }
      }
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
