/**
 * The README and docs/*.md point at things that exist: every relative link resolves to a file
 * (and a `#heading` to a heading of that file), and every source path they name in backticks
 * (`src/calc/hfWorkbook.ts`, `taskpane/scenarios/ScenarioForm.tsx`) is a file of the repository.
 * A file moved without its docs fails here, naming the doc and the path.
 */
import fs from "node:fs";
import path from "node:path";
import { DOCS, readDoc, ROOT } from "./docFiles";

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a markdown file's headings (outside code blocks), repeats numbered as GitHub does. */
function anchors(file: string): Set<string> {
  const text = readDoc(file).replace(/^```[\s\S]*?^```/gm, "");
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.*)$/gm)) {
    const base = slug(heading);
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    out.add(n === undefined ? base : `${base}-${n + 1}`);
  }
  return out;
}

/** Every file of the repository outside node_modules, lib, dist and .git, as a relative path. */
function repositoryFiles(dir = "", out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!["node_modules", "lib", "dist", ".git", "artifacts"].includes(entry.name))
        repositoryFiles(rel, out);
    } else out.push(rel);
  }
  return out;
}

test("the anchor of a heading is GitHub's", () => {
  expect(slug("Risk Settings (optional) and plan cost at risk")).toBe(
    "risk-settings-optional-and-plan-cost-at-risk"
  );
  expect(slug("Plan on a page (`Plan - <name>` tabs)")).toBe("plan-on-a-page-plan---name-tabs");
});

describe.each(DOCS)("%s", (doc) => {
  const text = readDoc(doc);

  it("every relative link resolves to a file, and its #anchor to a heading", () => {
    const broken: string[] = [];
    for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(link)) continue;
      const [target, anchor] = link.split("#");
      const file = target ? path.posix.join(path.posix.dirname(doc), target) : doc;
      if (!fs.existsSync(path.join(ROOT, file))) broken.push(`${link}: no file ${file}`);
      else if (anchor && file.endsWith(".md") && !anchors(file).has(anchor))
        broken.push(`${link}: no heading #${anchor} in ${file}`);
    }
    expect(broken).toEqual([]);
  });

  it("every source path it names in backticks is a file of the repository", () => {
    const files = repositoryFiles();
    const named = [
      ...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)+\.(?:ts|tsx|js|mjs|sh|json|md|xlsx|xlsm))`/g),
    ]
      .map((m) => m[1])
      // What a benchmark or end-to-end run writes, not a file of the repository.
      .filter((p) => !p.startsWith("test/e2e/artifacts/"));
    // A path is named from the repository root or from a folder in it (`taskpane/...`).
    const missing = named.filter((p) => !files.some((f) => f === p || f.endsWith(`/${p}`)));
    expect(missing).toEqual([]);
  });
});

test("every script the README runs with node or sh is in scripts/", () => {
  const readme = readDoc("README.md");
  const scripts = [...readme.matchAll(/\b(scripts\/[\w.-]+\.(?:js|sh))\b/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(2);
  for (const script of scripts) expect(fs.existsSync(path.join(ROOT, script))).toBe(true);
});
