/**
 * The documentation the docs tests read: the README and every docs/*.md, by path from the
 * repository root.
 */
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

export const DOCS: string[] = [
  "README.md",
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** A repository file's text, by its path from the root. */
export const readDoc = (file: string): string => fs.readFileSync(path.join(ROOT, file), "utf8");
