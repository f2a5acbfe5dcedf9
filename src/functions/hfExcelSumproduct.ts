/**
 * SUMPRODUCT as Excel computes it. Excel evaluates SUMPRODUCT's arguments as arrays, so the
 * common conditional form `=SUMPRODUCT((A2>$E$2:$E$4)*(A2-$E$2:$E$4)*$G$2:$G$4)` works in any
 * cell; HyperFormula 3.5 does so only in its array-arithmetic mode and otherwise silently uses
 * one element of each range (handsontable/hyperformula#917). This re-registers HyperFormula's
 * own SUMPRODUCT with array arithmetic enabled for its arguments, nothing else changed.
 */
import {
  FunctionPlugin,
  HyperFormula,
  type FunctionMetadata,
  type ImplementedFunctions,
} from "hyperformula";

let done = false;

type Method = (this: FunctionPlugin, ...args: unknown[]) => unknown;

export function registerExcelSumproduct(): void {
  if (done) return;
  done = true;
  const builtIn = HyperFormula.getFunctionPlugin("SUMPRODUCT");
  const found: FunctionMetadata | undefined = builtIn?.implementedFunctions.SUMPRODUCT;
  if (!builtIn || !found || found.enableArrayArithmeticForArguments) return;
  const metadata: FunctionMetadata = found;
  const method = (builtIn.prototype as unknown as Record<string, Method>)[metadata.method];
  class ExcelSumproductPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {
      SUMPRODUCT: { ...metadata, enableArrayArithmeticForArguments: true },
    };
  }
  // HyperFormula requires the method to be an own property of the plugin's prototype.
  Object.defineProperty(ExcelSumproductPlugin.prototype, metadata.method, {
    value: function (this: FunctionPlugin, ...args: unknown[]) {
      return method.apply(this, args);
    },
    writable: true,
    configurable: true,
  });
  HyperFormula.registerFunctionPlugin(ExcelSumproductPlugin);
}
