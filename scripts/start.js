#!/usr/bin/env node
/**
 * `npm start`: sideload CompAlign into desktop Excel and serve it, or, where there is no desktop
 * Excel, serve the task pane as the playground.
 *
 * Windows and macOS: `office-addin-debugging start` (fetched by npx at run time, because its
 * dependency keytar does not build everywhere) registers manifest.xml with desktop Excel,
 * starts the dev server and opens Excel.
 * Elsewhere (Linux): builds the production bundle (`npm run build`: what users get, several
 * times smaller and faster to first render than the development build) and serves dist/ over
 * plain http (scripts/serve-playground.js: no certificate, no sudo; office.js still comes from
 * Microsoft's CDN), and prints the playground's address: the task pane opened in a browser runs
 * on an in-memory workbook with the demo sample. `npm run dev-server` stays the development
 * route (rebuilds on change; https for Excel on the web).
 */
"use strict";

const path = require("path");
const { spawn } = require("child_process");

const root = path.resolve(__dirname, "..");
const app = process.env.npm_package_config_app_to_debug || "excel";
const appType = process.env.npm_package_config_app_type_to_debug || "desktop";
const port = process.env.npm_package_config_dev_server_port || "3000";

function run(command, args, onExit) {
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
  child.on("exit", (code, signal) => {
    process.off("SIGINT", forward);
    process.off("SIGTERM", forward);
    if (onExit && code === 0) onExit();
    else process.exit(code ?? (signal ? 1 : 0));
  });
}

if (process.platform === "win32" || process.platform === "darwin") {
  run("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", appType, "--app", app]);
} else {
  console.log(
    `compalign: no desktop Excel to sideload into here, so this serves the task pane playground at http://localhost:${port}/taskpane.html (in-memory sample workbook; Ctrl+C stops it).\n` +
      `compalign: for Excel on the web, run \`npm run dev-server\` instead (https with office-addin-dev-certs), then Home > Add-ins > More Add-ins > Upload My Add-in and upload manifest.xml.`
  );
  run("npm", ["run", "build", "--silent"], () => {
    const { startServer } = require("./serve-playground");
    startServer({ root: path.join(root, "dist"), port: Number(port) }).then(
      (server) => console.log(`compalign: playground ready at ${server.url}/taskpane.html`),
      (error) => {
        console.error(`compalign: could not serve dist/ on port ${port}: ${error.message}`);
        process.exit(1);
      }
    );
  });
}
