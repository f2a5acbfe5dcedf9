/**
 * Lists every Office.js API that src/ calls or reads, with the requirement set Microsoft's type
 * definitions (@types/office-js, @types/custom-functions-runtime) give it in their
 * `[Api set: ...]` tags. Used by test/officeApiSets.test.ts against docs/office-api-sets.md.
 *
 * It type-checks src/ (tsconfig.json) and resolves every property access and every
 * `new X(...)` whose symbol is declared in one of those two packages: `Interface.member`
 * (e.g. `Excel.Range.getUsedRangeOrNullObject`). Type-only references (annotations) are not
 * calls and are not listed. `isSetSupported(...)` guards are found per file: an API above the
 * manifest's set is accepted only in a file that checks that set's version.
 *
 *   node scripts/officeApiScan.js        prints the table rows for docs/office-api-sets.md
 */
"use strict";

const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const DECLARATION_PACKAGES = [
  `${path.sep}@types${path.sep}office-js${path.sep}`,
  `${path.sep}@types${path.sep}custom-functions-runtime${path.sep}`,
];
const isOfficeDeclaration = (file) =>
  DECLARATION_PACKAGES.some((p) => path.normalize(file).includes(p));

/** `[Api set: ExcelApi 1.8]` → { set: "ExcelApi", version: "1.8" }; the first tag wins. */
function apiSetOf(declaration) {
  const text = declaration.getFullText();
  const jsdoc = text.slice(0, text.length - declaration.getText().length);
  const m = jsdoc.match(/\[\s*Api set:\s*([A-Za-z]+)\s+([0-9]+(?:\.[0-9]+)*)/i);
  return m ? { set: m[1], version: m[2] } : null;
}

/** Orders tags of one set by version (1.2 < 1.10). */
function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] || 0) - (y[i] || 0);
    if (d) return d;
  }
  return 0;
}
const compareTags = (a, b) => a.set.localeCompare(b.set) || compareVersions(a.version, b.version);

/** `Excel.Range`, `Office.Context`, `CustomFunctions.Error`: the container a member belongs to. */
function qualifiedContainer(node) {
  const names = [];
  for (let n = node; n; n = n.parent) {
    if (
      (ts.isInterfaceDeclaration(n) ||
        ts.isClassDeclaration(n) ||
        ts.isModuleDeclaration(n) ||
        ts.isEnumDeclaration(n)) &&
      n.name
    )
      names.unshift(n.name.text);
  }
  return names.join(".");
}

function scan({ root = ROOT, files } = {}) {
  const configPath = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const srcDir = path.join(root, "src") + path.sep;
  const rootNames = files || parsed.fileNames.filter((f) => path.normalize(f).startsWith(srcDir));
  const program = ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();
  /** @type {Map<string, { api: string, set: string|null, version: string|null, files: Set<string> }>} */
  const apis = new Map();
  /** file → [{ set, version }] checked with isSetSupported */
  const guards = new Map();

  const record = (symbol, file) => {
    if (!symbol) return;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const decl = (symbol.declarations || [])[0];
    if (!decl || !isOfficeDeclaration(decl.getSourceFile().fileName)) return;
    const container = qualifiedContainer(decl.parent);
    const name = `${container}.${symbol.getName()}`;
    let tag = apiSetOf(decl);
    // An enum's sets are on its members (CustomFunctions.ErrorCode): it needs the highest.
    if (!tag && ts.isEnumDeclaration(decl))
      tag = decl.members.map(apiSetOf).filter(Boolean).sort(compareTags).pop() || null;
    const entry = apis.get(name) || {
      api: name,
      set: tag ? tag.set : null,
      version: tag ? tag.version : null,
      files: new Set(),
    };
    entry.files.add(file);
    apis.set(name, entry);
  };

  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !rootNames.includes(source.fileName)) continue;
    const file = path.relative(root, source.fileName).split(path.sep).join("/");
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) {
        record(checker.getSymbolAtLocation(node.name), file);
        if (
          node.name.text === "isSetSupported" &&
          ts.isCallExpression(node.parent) &&
          node.parent.arguments.length >= 1
        ) {
          const [a, b] = node.parent.arguments;
          if (ts.isStringLiteralLike(a)) {
            const list = guards.get(file) || [];
            list.push({ set: a.text, version: b && ts.isStringLiteralLike(b) ? b.text : "1.1" });
            guards.set(file, list);
          }
        }
      } else if (ts.isNewExpression(node)) {
        const symbol = checker.getSymbolAtLocation(
          ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression
        );
        record(symbol, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return {
    apis: [...apis.values()]
      .map((e) => ({ ...e, files: [...e.files].sort() }))
      .sort((a, b) => a.api.localeCompare(b.api)),
    guards,
  };
}

module.exports = { scan, apiSetOf, compareVersions };

if (require.main === module) {
  const { apis } = scan();
  for (const e of apis)
    console.log(
      `| \`${e.api}\` | ${e.set ? `${e.set} ${e.version}` : "—"} | ${e.files.join(", ")} |`
    );
  process.exit(0);
}
