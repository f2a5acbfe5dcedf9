#!/usr/bin/env node
/*
 * compalign command line. The TypeScript sources are compiled to lib/ by `npm run prepare`,
 * which `npm ci` runs on install.
 */
"use strict";

const path = require("node:path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main"));
} catch (error) {
  if (
    error &&
    error.code === "MODULE_NOT_FOUND" &&
    String(error.message).includes(path.join("lib", "cli", "main"))
  ) {
    process.stderr.write(
      "compalign: the compiled CLI (lib/) is missing; run `npm ci` (or `npm run prepare`) first\n"
    );
    process.exit(1);
  }
  throw error;
}
cli.run(process.argv);
