/**
 * Before the end-to-end suites: checks for Chromium, builds what is stale (support/build.js),
 * and serves the built task pane over http on a free localhost port (COMPALIGN_E2E_URL).
 */

"use strict";

const fs = require("fs");
const path = require("path");
const {
  ARTIFACTS,
  DIST,
  ROOT,
  ensureFakeExcel,
  ensureLib,
  ensureTaskpane,
} = require("./support/build");
const { CHROMIUM } = require("./support/chromium");
const { startServer } = require(path.join(ROOT, "scripts", "serve-playground.js"));

module.exports = async function globalSetup() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH`
    );
  }
  const t0 = Date.now();
  // Screenshots are of this run only.
  fs.rmSync(path.join(ARTIFACTS, "screenshots"), { recursive: true, force: true });
  ensureLib();
  ensureTaskpane();
  await ensureFakeExcel();
  const server = await startServer({ root: DIST });
  process.env.COMPALIGN_E2E_URL = server.url;
  globalThis.__COMPALIGN_E2E_SERVER__ = server;
  console.log(`\n[e2e] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; serving ${server.url}`);
};
