#!/usr/bin/env node
/**
 * `npm start`: sideload CompAlign into desktop Excel and serve it.
 *
 * Windows and macOS: `office-addin-debugging start` (fetched by npx at run time, because its
 * dependency keytar does not build everywhere) registers manifest.xml with desktop Excel,
 * starts the dev server and opens Excel.
 * Linux: there is no desktop Excel to sideload into, so this starts the dev server and says how
 * to upload the manifest to Excel on the web instead.
 */
"use strict";

const path = require("path");
const { spawn } = require("child_process");

const root = path.resolve(__dirname, "..");
const app = process.env.npm_package_config_app_to_debug || "excel";
const appType = process.env.npm_package_config_app_type_to_debug || "desktop";
const port = process.env.npm_package_config_dev_server_port || "3000";

function run(command, args) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("error", (err) => {
    console.error(`compalign: could not run ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.platform === "win32" || process.platform === "darwin") {
  run("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", appType, "--app", app]);
} else {
  console.error(
    `compalign: sideloading needs desktop Excel (Windows or macOS); on Linux, keep this dev server running and, in Excel on the web, choose Home > Add-ins > More Add-ins > Upload My Add-in and upload manifest.xml (served from https://localhost:${port}).`
  );
  run("npm", ["run", "dev-server", "--silent"]);
}
