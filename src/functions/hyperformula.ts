/**
 * The headless engine: HyperFormula with the COMP catalogue registered as a function plugin.
 * HyperFormula is GPL-3.0 ("gpl-v3" licence key), as is this project.
 */
import {
  HyperFormula,
  type ConfigParams,
  type SerializedNamedExpression,
  type Sheets,
} from "hyperformula";
import { catalog, NAMESPACE } from "./catalog";
import { registerExcelFunctions } from "./hfExcelFunctions";
import { registerExcelSumproduct } from "./hfExcelSumproduct";
import { buildCompPlugin, type CompPlugin } from "./hfPlugin";

/** Engine settings for workbooks made in Excel: its sheet size and its blank-as-zero results. */
export const ENGINE_DEFAULTS: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  maxRows: 1_048_576,
  maxColumns: 16_384,
  evaluateNullToZero: true,
  // Values as computed (full double precision), not rounded for display.
  smartRounding: false,
};

let registered: CompPlugin | undefined;

/** Registers the COMP plugin with HyperFormula once; later calls return the same plugin. */
export function registerCompFunctions(): CompPlugin {
  if (registered) return registered;
  const comp = buildCompPlugin(catalog, NAMESPACE);
  const names = Object.fromEntries(comp.ids.map((id) => [id, id]));
  // HyperFormula evaluates a custom function only under a name it has a translation for.
  const translations = Object.fromEntries(
    HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names])
  );
  HyperFormula.registerFunctionPlugin(comp.plugin, translations);
  registered = comp;
  return comp;
}

function registerAll(): void {
  registerCompFunctions();
  registerExcelSumproduct();
  registerExcelFunctions();
}

/** A HyperFormula instance over these sheets (and named expressions) with the COMP functions available. */
export function createEngine(
  sheets: Sheets,
  options: Partial<ConfigParams> = {},
  names: SerializedNamedExpression[] = []
): HyperFormula {
  registerAll();
  return HyperFormula.buildFromSheets(sheets, { ...ENGINE_DEFAULTS, ...options }, names);
}

/** An empty engine with the COMP functions available. */
export function createEmptyEngine(options: Partial<ConfigParams> = {}): HyperFormula {
  registerAll();
  return HyperFormula.buildEmpty({ ...ENGINE_DEFAULTS, ...options });
}

/** The COMP function names HyperFormula itself reports as registered, sorted. */
export function registeredFunctionNames(): string[] {
  registerCompFunctions();
  const prefix = `${NAMESPACE}.`;
  return HyperFormula.getRegisteredFunctionNames("enGB")
    .filter((name) => name.toUpperCase().startsWith(prefix))
    .sort();
}
