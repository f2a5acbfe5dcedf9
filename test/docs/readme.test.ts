/**
 * The README stays true to what exists: its function reference is the catalogue's rendering,
 * and its Quick start names commands that exist.
 */
import fs from "node:fs";
import path from "node:path";
import { catalog, NAMESPACE } from "../../src/functions/catalog";
import { formatSignature } from "../../src/functions/signature";
import { withReference } from "../../src/functions/reference";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

test("the function reference is up to date with the catalogue (run npm run docs)", () => {
  expect(readme).toBe(withReference(readme));
  for (const spec of catalog) expect(readme).toContain(formatSignature(NAMESPACE, spec));
});

test("every npm script the README names exists", () => {
  const named = [...readme.matchAll(/npm (?:run )?([a-z0-9:-]+)/g)].map((m) => m[1]);
  const builtIn = new Set(["ci", "install", "test", "start", "stop"]);
  for (const script of named) {
    if (builtIn.has(script) && script !== "test" && script !== "start" && script !== "stop")
      continue;
    expect(Object.keys(pkg.scripts)).toContain(script);
  }
});

test("files the README points at exist", () => {
  for (const file of [
    "LICENSE",
    "docs/architecture.md",
    "docs/benchmarks.md",
    "examples/commission-plan.xlsx",
    "manifest.xml",
  ]) {
    expect(readme).toContain(file);
    expect(fs.existsSync(path.join(root, file))).toBe(true);
  }
});

test("the license is stated as in package.json", () => {
  expect(pkg.license).toBe("GPL-3.0-or-later");
  expect(readme).toMatch(/GNU General Public License v3\.0 or later/);
  expect(fs.readFileSync(path.join(root, "LICENSE"), "utf8")).toMatch(
    /GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007/
  );
});
