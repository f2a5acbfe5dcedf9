/**
 * Builds the add-in's web part: taskpane.html loading the `taskpane` (React/Fluent UI) and
 * `functions` (CustomFunctions.associate for every COMP function) bundles into one shared
 * runtime, functions.json generated from the COMP catalogue, the icons and the manifest.
 *
 *   npm run build       production: hashed file names; `npm run build -- --env url=https://host/path`
 *                       writes dist/manifest.xml with every URL on that origin and path
 *                       (default https://localhost:3000)
 *   npm run build:dev   development (readable bundles, source maps)
 *   npm run dev-server  development server on config.dev_server_port (3000) over https with the
 *                       office-addin-dev-certs certificate (created and trusted when missing, as
 *                       the Yo Office template does); when that fails it says so on one line and
 *                       exits 1: it never falls back to http
 *   npm start (Linux)   the same server with `--env http`: plain http, for the playground only
 *                       (the task pane opened in a browser runs on an in-memory workbook)
 *
 * Every page, in every mode, loads office.js from Microsoft's CDN in <head> before the bundles:
 * office.js loads its host files (excel-win32-16.01.js, …) and strings from its own folder, so a
 * locally hosted copy cannot boot inside Excel. Outside Office, Office.onReady resolves with no
 * host and the pane opens as the playground. help.html (the manifest's SupportUrl) is rendered
 * from the README's sideloading sections (scripts/helpPage.js).
 *
 * Outside Office the task pane loads the playground chunk, and "Download .xlsx" loads the exceljs
 * adapter (xlsx-export chunk). That adapter imports node:fs/promises for its Node-only file IO
 * (XlsxWorkbook.fromFile / writeFile, never called in a browser): the browser build replaces it
 * with an empty module.
 *
 * functions.json comes from lib/ (the compiled catalogue, `npm run prepare`; the prebuild and
 * predev-server scripts run it). Recompiling lib/ while the dev server runs
 * (`npx tsc -p tsconfig.node.json --watch`) regenerates it.
 */

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { helpPageHtml } = require("./scripts/helpPage");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The origin manifest.xml names; `--env url=` replaces it in dist/manifest.xml. */
const DEV_ORIGIN = "https://localhost:3000";
const LIB_DIR = path.resolve(__dirname, "lib");

/** Port from package.json `config.dev_server_port` (npm exposes it to scripts), else 3000. */
function devServerPort() {
  const fromNpm = Number(process.env.npm_package_config_dev_server_port);
  if (Number.isInteger(fromNpm) && fromNpm > 0) return fromNpm;
  try {
    const port = Number(require("./package.json").config.dev_server_port);
    if (Number.isInteger(port) && port > 0) return port;
  } catch {
    // fall through to the default
  }
  return 3000;
}

/**
 * The dev server's transport: https with the office-addin-dev-certs certificate, installed when
 * missing (getHttpsServerOptions creates the CA and localhost certificate and trusts the CA,
 * which needs admin rights), or plain http when `forceHttp` (the Linux playground of `npm start`).
 * When certificates cannot be made it prints one line and exits 1: Excel loads add-ins only over
 * https, so an http dev server would look like it works and fail at sideload.
 */
async function devServerTransport(forceHttp) {
  if (forceHttp) return { type: "http" };
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    const reason = String((err && err.message) || err)
      .split("\n")
      .find((line) => line.trim());
    console.error(
      `[compalign] cannot serve https: no trusted dev certificate (${reason}); run \`npx office-addin-dev-certs install\` with admin rights, or \`npm start\` on Linux for the http playground.`
    );
    process.exit(1);
  }
}

/**
 * The deployment origin and path from `--env url=https://host/path` (no trailing slash), or the
 * development origin. Throws a one-line error for anything that is not a plain https URL.
 */
function deploymentUrl(env) {
  const raw = env && typeof env.url === "string" ? env.url.trim() : "";
  if (!raw) return DEV_ORIGIN;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--env url=${raw}: not a URL (expected https://your.host/path)`);
  }
  if (url.protocol !== "https:")
    throw new Error(`--env url=${raw}: Excel loads add-ins only over https`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`--env url=${raw}: give an origin and path only (no query, fragment or user)`);
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/** manifest.xml with every `https://localhost:3000` URL moved to `base` (same file paths). */
function manifestFor(xml, base) {
  if (base === DEV_ORIGIN) return xml;
  return xml.split(DEV_ORIGIN + "/").join(base + "/");
}

/** Emits help.html from the README's sideloading sections (scripts/helpPage.js). */
class HelpPagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const readme = path.join(__dirname, "README.md");
          compilation.fileDependencies.add(readme);
          try {
            const html = helpPageHtml(fs.readFileSync(readme, "utf8"));
            compilation.emitAsset("help.html", new webpack.sources.RawSource(html));
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`help.html: ${err.message}`));
          }
        }
      );
    });
  }
}

/** Emits functions.json from the compiled catalogue, re-reading lib/ on every compilation. */
class FunctionsJsonPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsJsonPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsJsonPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.contextDependencies.add(path.join(LIB_DIR, "functions"));
          const metadataPath = path.join(LIB_DIR, "functions", "metadata.js");
          const catalogPath = path.join(LIB_DIR, "functions", "catalog.js");
          if (!fs.existsSync(metadataPath) || !fs.existsSync(catalogPath)) {
            compilation.errors.push(
              new webpack.WebpackError(
                "functions.json: lib/functions is missing; run `npm run prepare` (tsc -p tsconfig.node.json) first"
              )
            );
            return;
          }
          for (const id of Object.keys(require.cache))
            if (id.startsWith(LIB_DIR + path.sep)) delete require.cache[id];
          let json;
          try {
            json = require(metadataPath).buildFunctionsJson(require(catalogPath).catalog);
          } catch (err) {
            compilation.errors.push(
              new webpack.WebpackError(
                `functions.json: generating from lib/ failed: ${err.message}`
              )
            );
            return;
          }
          compilation.emitAsset(
            "functions.json",
            new webpack.sources.RawSource(JSON.stringify(json, null, 2) + "\n")
          );
        }
      );
    });
  }
}

/**
 * Marks the chunks of already-minified builds (exceljs.min.js, jszip.min.js) as minimized so the
 * production minifier skips them: re-minifying ~1 MB of minified code tripled the build time.
 */
class PreminifiedChunksPlugin {
  constructor(chunkNames) {
    this.chunkNames = new Set(chunkNames);
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PreminifiedChunksPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "PreminifiedChunksPlugin",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE,
        },
        () => {
          for (const chunk of compilation.chunks) {
            if (!this.chunkNames.has(chunk.name)) continue;
            for (const file of chunk.files) {
              if (compilation.getAsset(file))
                compilation.updateAsset(file, (s) => s, { minimized: true });
            }
          }
        }
      );
    });
  }
}

/** Prints where the playground is once the dev server's first build is ready. */
class PlaygroundUrlPlugin {
  constructor(url) {
    this.url = url;
    this.printed = false;
  }
  apply(compiler) {
    compiler.hooks.done.tap("PlaygroundUrlPlugin", (stats) => {
      if (this.printed || stats.hasErrors()) return;
      this.printed = true;
      console.log(`\n[compalign] task pane playground ready: ${this.url}\n`);
    });
  }
}

const config = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const forceHttp = Boolean(env && env.http);
  const base = deploymentUrl(env);
  const transport = serving ? await devServerTransport(forceHttp) : null;
  const playgroundUrl =
    transport && `${transport.type}://localhost:${devServerPort()}/taskpane.html`;

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/excel.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"],
      // Node-only file IO of the exceljs adapter (see the top of this file).
      fallback: { "fs/promises": false, zlib: false, crypto: false, path: false },
    },
    module: {
      // Prebuilt browser bundles with nothing to resolve (the playground's Download .xlsx).
      noParse:
        /[\\/]node_modules[\\/](exceljs[\\/]dist[\\/]exceljs\.min\.js|jszip[\\/]dist[\\/]jszip\.min\.js)$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type checking is its own step (`npm run typecheck`); ES modules let webpack tree-shake Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      // One webpack runtime for both entries, so the task pane and the custom functions share
      // module instances inside Excel's shared runtime.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "vendor-react",
            // Only what the first screen needs; lazy tabs keep their own vendor code.
            chunks: "initial",
            priority: 30,
            enforce: true,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|@babel|use-sync-external-store|rtl-css-js|stylis|embla-carousel[^\\/]*)[\\/]/,
            name: "vendor-fluent",
            chunks: "initial",
            priority: 20,
            enforce: true,
          },
          // The COMP catalogue and engine, used by both the custom functions and the Functions tab.
          // Initial chunks only: code that lazy chunks share stays out of the first load.
          shared: {
            test: /[\\/]src[\\/]/,
            minChunks: 2,
            chunks: "initial",
            name: "shared",
            priority: 5,
            enforce: true,
          },
          // exceljs and jszip (already minified builds), for the playground's Download .xlsx only.
          xlsx: {
            test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/,
            name: "vendor-xlsx",
            chunks: "async",
            priority: 40,
            enforce: true,
          },
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: "initial",
            priority: 10,
          },
        },
      },
    },
    performance: {
      // A Fluent UI v9 pane is ~100 KB gzip; warn well before it doubles.
      hints: dev ? false : "warning",
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 600 * 1024,
      // exceljs (~1 MB) loads only when the playground's "Download .xlsx" is used.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("vendor-xlsx"),
    },
    plugins: [
      // node:fs/promises, node:zlib, node:crypto, node:path → the fallbacks above (nothing).
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.slice("node:".length);
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this page runs the task pane and the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJsUrl: OFFICE_JS_CDN,
      }),
      new HelpPagePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString("utf8"), base),
          },
        ],
      }),
      new FunctionsJsonPlugin(),
      new PreminifiedChunksPlugin(["vendor-xlsx"]),
      ...(playgroundUrl ? [new PlaygroundUrlPlugin(playgroundUrl)] : []),
    ],
    devServer: serving
      ? {
          port: devServerPort(),
          server: transport,
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          client: { overlay: { warnings: false, errors: true } },
          // http://localhost:3000/ opens the task pane (the playground in a browser).
          setupMiddlewares: (middlewares) => [
            {
              name: "compalign-root",
              path: "/",
              middleware: (req, res, next) => {
                if (req.method !== "GET" || (req.path !== "/" && req.path !== "")) return next();
                const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
                res.redirect(302, `/taskpane.html${query}`);
              },
            },
            ...middlewares,
          ],
        }
      : undefined,
  };
};

module.exports = config;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.deploymentUrl = deploymentUrl;
module.exports.manifestFor = manifestFor;
