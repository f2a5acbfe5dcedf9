#!/usr/bin/env node
/**
 * A small static server for a built task pane (dist/ or any webpack output), over plain http on
 * localhost: the task pane opened in a browser is the playground. The end-to-end tests start it
 * on a free port; by hand:
 *
 *   node scripts/serve-playground.js [--dir dist] [--port 3000]
 *
 * `/` redirects to taskpane.html (keeping the query, e.g. `/?empty=1`). Every build loads office.js
 * from Microsoft's CDN; without network the pane still opens as the playground (the end-to-end
 * tests answer the CDN request with a local copy through Playwright routing).
 */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The file a request path names inside root, or null when it leaves root. */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, "." + path.posix.normalize(decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function send(res, status, body, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

/**
 * Serves `root` on http://host:port (port 0: a free port). Resolves with the base URL (no
 * trailing slash), the port and `close()`.
 */
function startServer({ root, port = 0, host = "127.0.0.1" } = {}) {
  const dir = path.resolve(root || path.join(__dirname, "..", "dist"));
  if (!fs.existsSync(path.join(dir, "taskpane.html"))) {
    return Promise.reject(
      new Error(`${dir} has no taskpane.html: build the task pane first (npm run build:dev)`)
    );
  }
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "GET only");
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/") {
      res.writeHead(302, { Location: `/taskpane.html${url.search}` });
      return res.end();
    }
    const file = fileFor(dir, url.pathname);
    if (!file) return send(res, 403, "outside the served folder");
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return send(res, 404, `not found: ${url.pathname}`);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://${host === "localhost" ? "localhost" : host}:${actual}`,
        port: actual,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { startServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = option("--dir", path.join(__dirname, "..", "dist"));
  const port = Number(option("--port", process.env.npm_package_config_dev_server_port || "3000"));
  startServer({ root, port, host: "localhost" }).then(
    ({ url }) => console.log(`[compalign] serving ${path.resolve(root)}: ${url}/taskpane.html`),
    (error) => {
      console.error(`compalign: ${error.message}`);
      process.exit(1);
    }
  );
}
