#!/usr/bin/env node
/**
 * `npm stop`: undo `npm start`.
 *
 * Windows and macOS: `office-addin-debugging stop` unregisters the sideloaded manifest and stops
 * the dev server it started. Linux: nothing was sideloaded; the dev server stops with Ctrl+C in
 * its terminal, and an add-in uploaded to Excel on the web is removed from Home > Add-ins.
 */
"use strict";

const path = require("path");
const { spawn } = require("child_process");

const root = path.resolve(__dirname, "..");

if (process.platform === "win32" || process.platform === "darwin") {
  const child = spawn("npx", ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("error", (err) => {
    console.error(`compalign: could not run npx: ${err.message}`);
    process.exit(1);
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  console.error(
    "compalign: nothing to unload on Linux (sideloading needs desktop Excel); stop the dev server with Ctrl+C in its terminal, and remove an uploaded add-in in Excel on the web under Home > Add-ins."
  );
}
