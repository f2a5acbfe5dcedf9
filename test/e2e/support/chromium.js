/**
 * Debian's Chromium (never a downloaded browser) and the flags that make it work here as root,
 * offline (../../../../shared/docs/toolchain.md): headless, no sandbox, no GPU, no QUIC, no
 * first-run, background networking, component updates or sync. Each launch gets a fresh
 * --user-data-dir (Playwright's persistent context in a new temporary folder).
 */
"use strict";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { CHROMIUM, CHROMIUM_FLAGS };
