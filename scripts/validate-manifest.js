#!/usr/bin/env node
/**
 * `npm run validate [-- path/to/manifest.xml]`: offline checks of the add-in manifest.
 * Well-formedness with `xmllint --noout` when it is installed (Debian: libxml2-utils), then the
 * invariants in scripts/manifestChecks.js (the same ones test/manifest.test.ts asserts).
 * Prints one line per problem and exits 1 if there is any. Microsoft's schema validation
 * (`npx office-addin-manifest validate manifest.xml`) needs the internet and is not run here.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { runChecks } = require("./manifestChecks");

const file = path.resolve(process.argv[2] || path.join(__dirname, "..", "manifest.xml"));
const shown = path.relative(process.cwd(), file) || file;

let text;
try {
  text = fs.readFileSync(file, "utf8");
} catch (err) {
  console.error(`${shown}: cannot read: ${err.message}`);
  process.exit(1);
}

const problems = [];

const xmllint = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
const usedXmllint = !xmllint.error;
if (usedXmllint && xmllint.status !== 0) {
  const first =
    (xmllint.stderr || "").split("\n").find((line) => line.trim()) || `exit ${xmllint.status}`;
  problems.push(`not well-formed XML (xmllint): ${first.trim()}`);
}

const results = runChecks(text, path.dirname(file));
for (const result of results) {
  if (usedXmllint && result.id === "wellFormed" && problems.length > 0) continue; // reported once
  for (const problem of result.problems) problems.push(problem);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`${shown}: ${problem}`);
  console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}

const parser = usedXmllint ? "xmllint" : "sax (xmllint not installed)";
console.log(
  `${shown}: OK: well-formed (${parser}) and ${results.length - 1} invariant checks passed`
);
