/**
 * Offline invariants of CompAlign's add-in only manifest (manifest.xml).
 *
 * Microsoft's validator (`office-addin-manifest validate`) posts the XML to an online service,
 * so these checks are what runs here: they are shared by `npm run validate`
 * (scripts/validate-manifest.js) and the jest suite (test/manifest.test.ts).
 * XML is parsed with sax in strict, namespace-aware mode: a malformed document is rejected
 * with its line and column.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const sax = require("sax");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** The custom-functions namespace the COMP catalogue is published under. */
const EXPECTED_NAMESPACE = "COMP";
const EXPECTED_PERMISSION = "ReadWriteDocument";
/**
 * Requirement sets the manifest declares (name → minimum version): the shared runtime, the
 * custom-functions runtime with every CustomFunctions.ErrorCode the functions return, and the
 * highest Excel set the Office adapter calls (docs/office-api-sets.md). The same list as
 * src/taskpane/host/requirements.ts (test/officeApiSets.test.ts checks both).
 */
const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", ExcelApi: "1.8" };

/**
 * Order of OfficeApp's children in the TaskPaneApp schema (appforoffice 1.1), as in Microsoft's
 * templates. Only the relative order of the elements present is checked.
 */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
];

/** Which resource table a `resid` must resolve in, by the local name of the referring element. */
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Override: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** Schema length limits (characters). */
const LIMITS = {
  resid: 32,
  ShortStrings: 125,
  LongStrings: 250,
  DisplayName: 125,
  Description: 250,
};

// ---------------------------------------------------------------------------------------------
// A minimal element tree over sax.

/**
 * @typedef {{ local: string, uri: string, prefix: string, value: string }} Attr
 * @typedef {{ name: string, local: string, uri: string, attrs: Attr[], children: El[], text: string, line: number, parent: El | null }} El
 */

/** Parses XML text into an element tree; throws an Error naming line and column on malformed input. */
function parseXml(text) {
  const parser = sax.parser(true, { xmlns: true, position: true, trim: false });
  /** @type {El | null} */
  let root = null;
  /** @type {El[]} */
  const stack = [];
  let failure = null;
  parser.onerror = (err) => {
    if (!failure)
      failure = new Error(
        `line ${parser.line + 1}, column ${parser.column + 1}: ${String(err.message).split("\n")[0]}`
      );
    parser.error = null;
    parser.resume();
  };
  parser.onopentag = (node) => {
    const el = {
      name: node.name,
      local: node.local,
      uri: node.uri,
      attrs: Object.values(node.attributes).map((a) => ({
        local: a.local,
        uri: a.uri,
        prefix: a.prefix,
        value: a.value,
      })),
      children: [],
      text: "",
      line: parser.line + 1,
      parent: stack.length ? stack[stack.length - 1] : null,
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const onText = (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.write(text).close();
  if (failure) throw failure;
  if (!root) throw new Error("no root element");
  return root;
}

/** Attribute value by local name (and namespace URI; "" for unprefixed attributes). */
function attr(el, local, uri = "") {
  const found = el.attrs.find(
    (a) =>
      a.local === local &&
      a.uri === uri &&
      a.prefix !== "xmlns" &&
      !(a.prefix === "" && a.local === "xmlns")
  );
  return found ? found.value : undefined;
}

const xsiType = (el) => attr(el, "type", NS.xsi);

/** Every descendant (depth first, document order) satisfying pred. */
function findAll(el, pred, out = []) {
  for (const child of el.children) {
    if (pred(child)) out.push(child);
    findAll(child, pred, out);
  }
  return out;
}

const named = (local) => (el) => el.local === local;
const child = (el, local) => el.children.find(named(local));
const describe = (el) =>
  `<${el.name}${attr(el, "id") ? ` id="${attr(el, "id")}"` : ""}> (line ${el.line})`;

/** Width and height from a PNG's IHDR chunk, or null if the buffer is not a PNG. */
function readPngSize(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((b, i) => buffer[i] !== b)) return null;
  if (buffer.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// The manifest model the checks run on.

/**
 * @typedef {{ root: El, manifestDir: string, resources: Record<string, Map<string, { value: string, el: El }>>, duplicates: string[] }} Manifest
 */

function readResources(root) {
  const resources = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  };
  const duplicates = [];
  const table = findAll(root, named("Resources"))[0];
  if (table) {
    for (const kind of Object.keys(resources)) {
      for (const group of table.children.filter(named(kind))) {
        for (const item of group.children) {
          const id = attr(item, "id");
          if (id === undefined) continue;
          if (resources[kind].has(id))
            duplicates.push(`${kind} id "${id}" is defined twice (line ${item.line})`);
          resources[kind].set(id, { value: attr(item, "DefaultValue") ?? "", el: item });
        }
      }
    }
  }
  return { resources, duplicates };
}

/** Parses manifest text; `manifestDir` is where assets/ is looked up. Throws on malformed XML. */
function readManifest(text, manifestDir) {
  const root = parseXml(text);
  const { resources, duplicates } = readResources(root);
  return { root, manifestDir, resources, duplicates };
}

/** Resolves a resid of the given kind to its value, or undefined. */
function resolve(manifest, kind, resid) {
  const entry = manifest.resources[kind].get(resid);
  return entry ? entry.value : undefined;
}

/** The custom-functions namespace as Excel will show it (the resolved Namespace resid). */
function customFunctionsNamespace(manifest) {
  const point = findAll(
    manifest.root,
    (el) => el.local === "ExtensionPoint" && xsiType(el) === "CustomFunctions"
  )[0];
  const ns = point && child(point, "Namespace");
  return ns ? resolve(manifest, "ShortStrings", attr(ns, "resid")) : undefined;
}

/** Every URL the manifest declares: [value, where]. Namespace declarations are not URLs to fetch. */
function declaredUrls(manifest) {
  const urls = [];
  const visit = (el) => {
    for (const a of el.attrs) {
      if (a.prefix === "xmlns" || (a.prefix === "" && a.local === "xmlns")) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(a.value) && !(a.local === "type" && a.uri === NS.xsi)) {
        urls.push([a.value, `${describe(el)} ${a.local}`]);
      }
    }
    const text = el.children.length === 0 ? el.text.trim() : "";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push([text, describe(el)]);
    el.children.forEach(visit);
  };
  visit(manifest.root);
  return urls;
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns a list of problems (empty when the invariant holds).

/** @type {{ id: string, title: string, run: (m: Manifest) => string[] }[]} */
/**
 * Child sequences from Microsoft's add-in-only manifest schemas ([MS-OWEMXML]: the
 * taskpaneappversionoverrides XSD), for the elements this manifest uses. Keyed by local name
 * (with the xsi:type for ExtensionPoint and Control); only the relative order of the children
 * present is checked, and a child not listed is reported. No npm package ships the XSDs and the
 * online validator needs the internet, so these rules stand in for schema validation here.
 */
const CHILD_SEQUENCES = {
  Requirements: ["Sets", "Methods"],
  Sets: ["Set"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  Runtimes: ["Runtime"],
  AllFormFactors: ["ExtensionPoint"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "ExtensionPoint:CustomFunctions": ["Script", "Page", "Metadata", "Namespace"],
  "ExtensionPoint:PrimaryCommandSurface": ["CustomTab", "OfficeTab"],
  OfficeTab: ["Group"],
  Group: ["Label", "Icon", "Control"],
  "Control:Button": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};

/** Problems of one element's children against its CHILD_SEQUENCES entry. */
function sequenceProblems(el) {
  const type = xsiType(el);
  const key = type && CHILD_SEQUENCES[`${el.local}:${type}`] ? `${el.local}:${type}` : el.local;
  const order = CHILD_SEQUENCES[key];
  if (!order) return [];
  const problems = [];
  let last = -1;
  let lastName = "";
  for (const c of el.children) {
    const rank = order.indexOf(c.local);
    if (rank < 0) {
      problems.push(`<${c.name}> is not a valid child of <${el.name}> (line ${c.line})`);
      continue;
    }
    if (rank < last)
      problems.push(`<${c.name}> must come before <${lastName}> in <${el.name}> (line ${c.line})`);
    if (rank >= last) {
      last = rank;
      lastName = c.name;
    }
  }
  return problems;
}

const checks = [
  {
    id: "root",
    title: "is an Excel task pane add-in (OfficeApp xsi:type TaskPaneApp, host Workbook)",
    run(m) {
      const problems = [];
      if (m.root.local !== "OfficeApp" || m.root.uri !== NS.app)
        problems.push(`root element is <${m.root.name}>, expected OfficeApp in ${NS.app}`);
      if (xsiType(m.root) !== "TaskPaneApp")
        problems.push(`OfficeApp xsi:type is "${xsiType(m.root)}", expected "TaskPaneApp"`);
      const hosts = child(m.root, "Hosts");
      const names = hosts ? hosts.children.filter(named("Host")).map((h) => attr(h, "Name")) : [];
      if (!names.includes("Workbook"))
        problems.push(`<Hosts> does not list Workbook (found: ${names.join(", ") || "none"})`);
      return problems;
    },
  },
  {
    id: "order",
    title: "top-level elements follow the schema order",
    run(m) {
      const present = m.root.children.map((el) => el.local);
      const problems = present
        .filter((name) => !TOP_LEVEL_ORDER.includes(name))
        .map((name) => `unexpected top-level element <${name}>`);
      const ranks = present
        .filter((name) => TOP_LEVEL_ORDER.includes(name))
        .map((name) => [name, TOP_LEVEL_ORDER.indexOf(name)]);
      for (let i = 1; i < ranks.length; i++) {
        if (ranks[i][1] < ranks[i - 1][1])
          problems.push(`<${ranks[i][0]}> must come before <${ranks[i - 1][0]}>`);
        if (ranks[i][1] === ranks[i - 1][1]) problems.push(`<${ranks[i][0]}> appears twice`);
      }
      for (const required of [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "DefaultSettings",
        "Permissions",
      ]) {
        if (!present.includes(required)) problems.push(`<${required}> is missing`);
      }
      return problems;
    },
  },
  {
    id: "id",
    title: "Id is a GUID",
    run(m) {
      const id = child(m.root, "Id");
      const value = id ? id.text.trim() : "";
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
        ? []
        : [`<Id> "${value}" is not a GUID`];
    },
  },
  {
    id: "version",
    title: "Version has four numeric parts",
    run(m) {
      const version = child(m.root, "Version");
      const value = version ? version.text.trim() : "";
      const ok =
        /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(value) &&
        value.split(".").every((p) => Number(p) <= 65535);
      return ok ? [] : [`<Version> "${value}" is not four numeric parts (n.n.n.n, each 0-65535)`];
    },
  },
  {
    id: "permission",
    title: `permission is ${EXPECTED_PERMISSION}`,
    run(m) {
      const permissions = child(m.root, "Permissions");
      const value = permissions ? permissions.text.trim() : "";
      return value === EXPECTED_PERMISSION
        ? []
        : [`<Permissions> is "${value}", expected "${EXPECTED_PERMISSION}"`];
    },
  },
  {
    id: "requirements",
    title: "requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi 1.8",
    run(m) {
      const sets = findAll(child(m.root, "Requirements") || { children: [] }, named("Set"));
      return Object.entries(REQUIRED_SETS)
        .filter(
          ([name, version]) =>
            !sets.some(
              (s) => attr(s, "Name") === name && (attr(s, "MinVersion") ?? "1.1") === version
            )
        )
        .map(
          ([name, version]) =>
            `<Requirements> does not include <Set Name="${name}" MinVersion="${version}"/>`
        );
    },
  },
  {
    id: "schema",
    title: "VersionOverrides, Requirements and Resources follow the add-in-only schema's sequences",
    run(m) {
      const problems = [];
      const visit = (el) => {
        problems.push(...sequenceProblems(el));
        el.children.forEach(visit);
      };
      m.root.children.forEach(visit);
      for (const rt of findAll(m.root, named("Runtime"))) {
        if (!attr(rt, "resid")) problems.push(`${describe(rt)} has no resid`);
        const lifetime = attr(rt, "lifetime");
        if (lifetime !== undefined && lifetime !== "short" && lifetime !== "long")
          problems.push(`${describe(rt)}: lifetime "${lifetime}" is not short or long`);
      }
      for (const set of findAll(m.root, named("Set"))) {
        if (!attr(set, "Name")) problems.push(`${describe(set)} has no Name`);
        const min = attr(set, "MinVersion");
        if (min !== undefined && !/^[0-9]+\.[0-9]+$/.test(min))
          problems.push(`${describe(set)}: MinVersion "${min}" is not of the form 1.8`);
      }
      return problems;
    },
  },
  {
    id: "runtime",
    title:
      "exactly one long-lived Runtime, shared by the task pane, the ribbon and the custom functions",
    run(m) {
      const runtimes = findAll(m.root, named("Runtime"));
      if (runtimes.length !== 1)
        return [`found ${runtimes.length} <Runtime> elements, expected exactly 1`];
      const runtime = runtimes[0];
      const problems = [];
      if (attr(runtime, "lifetime") !== "long")
        problems.push(
          `<Runtime> lifetime is "${attr(runtime, "lifetime") ?? "short (default)"}", expected "long"`
        );
      const resid = attr(runtime, "resid");
      const sameRuntime = (el, what) => {
        const used = attr(el, "resid");
        if (used !== resid)
          problems.push(
            `${what} uses resid "${used}", not the runtime's "${resid}" (${describe(el)}); a shared runtime needs one page`
          );
      };
      const cf = findAll(
        m.root,
        (el) => el.local === "ExtensionPoint" && xsiType(el) === "CustomFunctions"
      );
      for (const point of cf) {
        for (const part of ["Page", "Script"]) {
          const source = child(point, part) && child(child(point, part), "SourceLocation");
          if (source) sameRuntime(source, `custom functions <${part}>`);
        }
      }
      for (const action of findAll(
        m.root,
        (el) => el.local === "Action" && xsiType(el) === "ShowTaskpane"
      )) {
        const source = child(action, "SourceLocation");
        if (source) sameRuntime(source, "ShowTaskpane action");
      }
      for (const file of findAll(m.root, named("FunctionFile")))
        sameRuntime(file, "<FunctionFile>");
      const page = resolve(m, "Urls", resid);
      const defaultPage = findAll(
        child(m.root, "DefaultSettings") || { children: [] },
        named("SourceLocation")
      )[0];
      if (page !== undefined && defaultPage && attr(defaultPage, "DefaultValue") !== page) {
        problems.push(
          `<DefaultSettings> page "${attr(defaultPage, "DefaultValue")}" differs from the runtime page "${page}"`
        );
      }
      return problems;
    },
  },
  {
    id: "resids",
    title: "every resid resolves to a defined resource of the right kind",
    run(m) {
      const problems = [...m.duplicates];
      for (const el of findAll(m.root, (e) => attr(e, "resid") !== undefined)) {
        const resid = attr(el, "resid");
        const kind = RESID_KIND[el.local];
        if (!kind) {
          const anywhere = Object.keys(m.resources).some((k) => m.resources[k].has(resid));
          if (!anywhere)
            problems.push(`${describe(el)} resid "${resid}" is not defined in <Resources>`);
        } else if (!m.resources[kind].has(resid)) {
          const elsewhere = Object.keys(m.resources).find((k) => m.resources[k].has(resid));
          problems.push(
            elsewhere
              ? `${describe(el)} resid "${resid}" is a ${elsewhere} resource, expected ${kind}`
              : `${describe(el)} resid "${resid}" is not defined in <bt:${kind}>`
          );
        }
        if (resid.length > LIMITS.resid)
          problems.push(
            `${describe(el)} resid "${resid}" is longer than ${LIMITS.resid} characters`
          );
      }
      return problems;
    },
  },
  {
    id: "lengths",
    title: "strings are within the schema's length limits",
    run(m) {
      const problems = [];
      for (const kind of ["ShortStrings", "LongStrings"]) {
        for (const [id, { value }] of m.resources[kind]) {
          if (value.length > LIMITS[kind])
            problems.push(`${kind} "${id}" has ${value.length} characters (limit ${LIMITS[kind]})`);
          if (value.trim() === "") problems.push(`${kind} "${id}" is empty`);
        }
      }
      for (const name of ["DisplayName", "Description"]) {
        const el = child(m.root, name);
        const value = el ? (attr(el, "DefaultValue") ?? "") : "";
        if (value.length > LIMITS[name])
          problems.push(`<${name}> has ${value.length} characters (limit ${LIMITS[name]})`);
        if (el && value.trim() === "") problems.push(`<${name}> is empty`);
      }
      return problems;
    },
  },
  {
    id: "urls",
    title: "every URL is https and on one origin",
    run(m) {
      const problems = [];
      const origins = new Map();
      for (const [value, where] of declaredUrls(m)) {
        let url;
        try {
          url = new URL(value);
        } catch {
          problems.push(`${where}: "${value}" is not a valid URL`);
          continue;
        }
        if (url.protocol !== "https:") problems.push(`${where}: "${value}" is not https`);
        if (!origins.has(url.origin)) origins.set(url.origin, where);
      }
      if (origins.size > 1) {
        problems.push(
          `URLs span ${origins.size} origins: ${[...origins].map(([o, where]) => `${o} (first at ${where})`).join(", ")}`
        );
      }
      if (origins.size === 0) problems.push("the manifest declares no URLs");
      return problems;
    },
  },
  {
    id: "customFunctions",
    title: `custom functions: namespace ${EXPECTED_NAMESPACE}, metadata functions.json, script and page`,
    run(m) {
      const points = findAll(
        m.root,
        (el) => el.local === "ExtensionPoint" && xsiType(el) === "CustomFunctions"
      );
      if (points.length !== 1)
        return [`found ${points.length} CustomFunctions extension points, expected 1`];
      const problems = [];
      const point = points[0];
      for (const part of ["Script", "Page", "Metadata"]) {
        const source = child(point, part) && child(child(point, part), "SourceLocation");
        if (!source) problems.push(`CustomFunctions <${part}> has no <SourceLocation>`);
        else if (part === "Metadata") {
          const url = resolve(m, "Urls", attr(source, "resid"));
          if (url !== undefined && !/\/functions\.json$/.test(url))
            problems.push(
              `custom functions metadata is "${url}", expected a URL ending in /functions.json`
            );
        }
      }
      const ns = customFunctionsNamespace(m);
      if (ns !== EXPECTED_NAMESPACE)
        problems.push(
          `custom functions namespace resolves to "${ns}", expected "${EXPECTED_NAMESPACE}"`
        );
      return problems;
    },
  },
  {
    id: "ribbon",
    title: "a button on the Home tab opens the task pane",
    run(m) {
      const home = findAll(
        m.root,
        (el) => el.local === "OfficeTab" && attr(el, "id") === "TabHome"
      ).filter((tab) => {
        const surface = tab.parent;
        return (
          surface &&
          surface.local === "ExtensionPoint" &&
          xsiType(surface) === "PrimaryCommandSurface"
        );
      });
      const buttons = home.flatMap((tab) =>
        findAll(tab, (el) => el.local === "Control" && xsiType(el) === "Button").filter((button) =>
          button.children.some((c) => c.local === "Action" && xsiType(c) === "ShowTaskpane")
        )
      );
      return buttons.length > 0
        ? []
        : [
            "no Button with a ShowTaskpane action on OfficeTab TabHome of the PrimaryCommandSurface",
          ];
    },
  },
  {
    id: "icons",
    title: "every icon exists in assets/ as a PNG of the declared size",
    run(m) {
      const problems = [];
      const checkFile = (url, size, where) => {
        let pathname;
        try {
          pathname = decodeURIComponent(new URL(url).pathname);
        } catch {
          problems.push(`${where}: "${url}" is not a valid URL`);
          return;
        }
        if (!pathname.startsWith("/assets/")) {
          problems.push(`${where}: "${url}" is not under /assets/`);
          return;
        }
        const file = path.join(m.manifestDir, ...pathname.split("/").filter(Boolean));
        if (!fs.existsSync(file)) {
          problems.push(`${where}: ${path.relative(process.cwd(), file) || file} does not exist`);
          return;
        }
        const png = readPngSize(fs.readFileSync(file));
        if (!png) problems.push(`${where}: ${pathname} is not a PNG`);
        else if (png.width !== size || png.height !== size)
          problems.push(
            `${where}: ${pathname} is ${png.width}×${png.height}, declared ${size}×${size}`
          );
      };
      for (const [name, size] of [
        ["IconUrl", 32],
        ["HighResolutionIconUrl", 64],
      ]) {
        const el = child(m.root, name);
        if (!el) problems.push(`<${name}> is missing`);
        else checkFile(attr(el, "DefaultValue") ?? "", size, `<${name}>`);
      }
      for (const icon of findAll(m.root, named("Icon"))) {
        const images = icon.children.filter((el) => el.local === "Image" && el.uri === NS.bt);
        const sizes = images.map((img) => Number(attr(img, "size")));
        for (const needed of [16, 32, 80]) {
          if (!sizes.includes(needed)) problems.push(`${describe(icon)} has no ${needed}px image`);
        }
        for (const img of images) {
          const url = resolve(m, "Images", attr(img, "resid"));
          if (url !== undefined)
            checkFile(
              url,
              Number(attr(img, "size")),
              `${describe(img)} resid "${attr(img, "resid")}"`
            );
        }
      }
      return problems;
    },
  },
];

/**
 * Runs every check on manifest text. A document that is not well-formed yields that one
 * problem (check id "wellFormed") and nothing else.
 * @returns {{ id: string, title: string, problems: string[] }[]}
 */
function runChecks(text, manifestDir) {
  let manifest;
  try {
    manifest = readManifest(text, manifestDir);
  } catch (err) {
    return [
      {
        id: "wellFormed",
        title: "is well-formed XML",
        problems: [`not well-formed XML: ${err.message}`],
      },
    ];
  }
  return [
    { id: "wellFormed", title: "is well-formed XML", problems: [] },
    ...checks.map((check) => {
      let problems;
      try {
        problems = check.run(manifest);
      } catch (err) {
        problems = [`check failed to run: ${err && err.message}`];
      }
      return { id: check.id, title: check.title, problems };
    }),
  ];
}

module.exports = {
  NS,
  EXPECTED_NAMESPACE,
  REQUIRED_SETS,
  checks,
  runChecks,
  readManifest,
  parseXml,
  readPngSize,
  customFunctionsNamespace,
  declaredUrls,
};
