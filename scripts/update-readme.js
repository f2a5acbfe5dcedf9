/** Rewrites the README's function reference from the catalogue (npm run docs). */
const fs = require("node:fs");
const path = require("node:path");
const { withReference } = require("../lib/functions/reference");

const readmePath = path.join(__dirname, "..", "README.md");
fs.writeFileSync(readmePath, withReference(fs.readFileSync(readmePath, "utf8")));
console.error("README.md function reference updated");
