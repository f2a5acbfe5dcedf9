/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { catalog, NAMESPACE } from "../../src/functions/catalog";
import { App } from "../../src/taskpane/App";
import { FunctionsTab } from "../../src/taskpane/FunctionsTab";
import { formatSignature } from "../../src/functions/signature";
import { filterFunctions } from "../../src/taskpane/filterFunctions";
import { formatExampleResult, formulaPieces } from "../../src/taskpane/functions/financeTerms";

const functionList = () => screen.getByRole("list", { name: `${NAMESPACE} functions` });
const listedNames = () =>
  within(functionList())
    .getAllByRole("listitem")
    .map((li) => li.getAttribute("aria-label"));

describe("Functions tab", () => {
  it("lists every function in the catalogue, in catalogue order", () => {
    render(<App />);
    expect(catalog.length).toBeGreaterThan(0);
    expect(listedNames()).toEqual(catalog.map((spec) => `${NAMESPACE}.${spec.name}`));
    expect(screen.getByRole("status")).toHaveTextContent(`${catalog.length} functions.`);
  });

  it.each(catalog.map((spec) => [spec.name, spec] as const))(
    "shows COMP.%s with its signature, description and example",
    (name, spec) => {
      render(<FunctionsTab namespace={NAMESPACE} functions={catalog} />);
      const item = screen.getByRole("listitem", { name: `${NAMESPACE}.${name}` });
      const signature = formatSignature(NAMESPACE, spec);
      expect(within(item).getByRole("heading", { level: 3 })).toHaveTextContent(signature);
      expect(signature).toMatch(new RegExp(`^${NAMESPACE}\\.${name}\\(`));
      expect(within(item).getByText(spec.description)).toBeInTheDocument();
      const formula = item.querySelector("code[data-formula]");
      expect(formula).toHaveTextContent(spec.example.formula, { normalizeWhitespace: false });
      expect(
        within(item).getByText(formatExampleResult(spec.name, spec.example.result))
      ).toBeInTheDocument();
      // Every parameter with its description.
      for (const p of spec.params)
        expect(within(item).getByText(p.description)).toBeInTheDocument();
      expect(
        within(item).getByRole("button", { name: `Copy example formula for ${NAMESPACE}.${name}` })
      ).toBeInTheDocument();
    }
  );

  it("has a labelled search box that narrows the list as you type", async () => {
    const user = userEvent.setup();
    render(<FunctionsTab namespace={NAMESPACE} functions={catalog} />);
    const search = screen.getByRole("searchbox", { name: "Search functions" });

    await user.type(search, "commission");
    const narrowed = listedNames();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(catalog.length);
    expect(narrowed).toContain(`${NAMESPACE}.COMMISSION`);
    expect(screen.getByRole("status")).toHaveTextContent(`of ${catalog.length} match “commission”`);

    // Matching is by qualified name too, case-insensitively.
    await user.clear(search);
    await user.type(search, "comp.gini");
    expect(listedNames()).toEqual([`${NAMESPACE}.GINI`]);

    await user.clear(search);
    await user.type(search, "no-such-function-xyz");
    expect(screen.queryByRole("list", { name: `${NAMESPACE} functions` })).toBeNull();
    expect(screen.getByText(/No function matches “no-such-function-xyz”/)).toBeInTheDocument();

    await user.clear(search);
    expect(listedNames()).toHaveLength(catalog.length);
  });

  it("copies the example formula to the clipboard and says so", async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, "writeText");
    render(<FunctionsTab namespace={NAMESPACE} functions={catalog} />);
    const spec = catalog[0];

    await user.click(
      screen.getByRole("button", { name: `Copy example formula for ${NAMESPACE}.${spec.name}` })
    );
    expect(writeText).toHaveBeenCalledWith(spec.example.formula);
    await expect(navigator.clipboard.readText()).resolves.toBe(spec.example.formula);
    expect(screen.getByRole("status")).toHaveTextContent(
      `Copied the ${NAMESPACE}.${spec.name} example.`
    );
  });

  it("says so when the clipboard is unavailable", async () => {
    const user = userEvent.setup();
    jest.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("blocked"));
    render(<FunctionsTab namespace={NAMESPACE} functions={catalog} />);
    const spec = catalog[catalog.length - 1];

    await user.click(
      screen.getByRole("button", { name: `Copy example formula for ${NAMESPACE}.${spec.name}` })
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      `Could not copy the ${NAMESPACE}.${spec.name} example`
    );
  });

  it("has no axe violations, filtered or not", async () => {
    const user = userEvent.setup();
    const { container } = render(<FunctionsTab namespace={NAMESPACE} functions={catalog} />);
    await expectNoAxeViolations(container);
    await user.type(screen.getByRole("searchbox", { name: "Search functions" }), "zzz");
    await expectNoAxeViolations(container);
  });

  it.each([
    ["cap", ["CURVE", "PAYOUT", "WEIGHTED"]],
    ["accelerator", ["CURVE", "PAYOUT", "WEIGHTED", "COMMISSION"]],
    ["tier", ["COMMISSION"]],
    ["threshold", ["CURVE", "PAYOUT", "COMMISSION", "MATRIX", "MODIFIER"]],
    ["SPIF", ["PAYOUT", "WEIGHTED", "MATRIX", "MODIFIER"]],
    ["clawback", ["DRAW"]],
    ["draw", ["DRAW"]],
    ["split", ["WEIGHTED"]],
    ["quota", ["ATTAINMENT", "COMMISSION", "PRORATE"]],
    ["new hire", ["PRORATE"]],
  ])("finds the functions finance means by “%s”", (query, expected) => {
    const found = filterFunctions(catalog, NAMESPACE, query).map((s) => s.name);
    for (const name of expected) expect(found).toContain(name);
    expect(found.length).toBeLessThan(catalog.length);
  });

  it("searches parameter text", () => {
    // "unrecovered" is in DRAW's description, "inclusive" in PRORATE's parameters only.
    expect(filterFunctions(catalog, NAMESPACE, "last active day").map((s) => s.name)).toEqual([
      "PRORATE",
    ]);
  });

  it("formats example results for a reader", () => {
    expect(formatExampleResult("PAYOUT", "28000")).toBe("28,000");
    expect(formatExampleResult("ATTAINMENT", "1.15")).toBe("1.15 (115%)");
    expect(formatExampleResult("CURVE", "1.4")).toBe("1.4 (140%)");
    expect(formatExampleResult("TOPSHARE", "0.5")).toBe("50.0%");
    expect(formatExampleResult("ALIGNMENT", "0.8")).toBe("0.80");
    expect(formatExampleResult("DRAW", "{5000;6000;12000}")).toBe("5,000; 6,000; 12,000");
  });

  it("splits an example only between top-level arguments", () => {
    expect(formulaPieces("=COMP.PAYOUT(1.2, {0.5,0;1,1;1.5,2}, 20000)")).toEqual([
      "=COMP.PAYOUT(1.2, ",
      "{0.5,0;1,1;1.5,2}, ",
      "20000)",
    ]);
    expect(
      formulaPieces('=COMP.PRORATE(12000, DATE(2025,1,1), DATE(2025,12,31), , "A,B")')
    ).toEqual(["=COMP.PRORATE(12000, ", "DATE(2025,1,1), ", "DATE(2025,12,31), ", ", ", '"A,B")']);
    for (const spec of catalog)
      expect(formulaPieces(spec.example.formula).join("")).toBe(spec.example.formula);
  });
});

describe("Functions tab: Insert in selected cell", () => {
  it("offers Insert beside Copy where the workbook has a selection, and announces where it went", async () => {
    const { WorkbookProvider } = await import("../../src/taskpane/workbookAccess");
    const inserted: string[] = [];
    const access = {
      run: () => Promise.reject(new Error("not used")),
      insertFormulaInSelectedCell: async (formula: string) => {
        inserted.push(formula);
        return "Sheet1!B2";
      },
    };
    const user = userEvent.setup();
    const { container } = render(
      <WorkbookProvider access={access}>
        <FunctionsTab namespace={NAMESPACE} functions={catalog} />
      </WorkbookProvider>
    );
    const item = screen.getByRole("listitem", { name: `${NAMESPACE}.PAYOUT` });
    const insert = within(item).getByRole("button", {
      name: `Insert the ${NAMESPACE}.PAYOUT example in the selected cell`,
    });
    expect(
      within(item).getByRole("button", { name: `Copy example formula for ${NAMESPACE}.PAYOUT` })
    ).toBeInTheDocument();
    await user.click(insert);
    const payout = catalog.find((s) => s.name === "PAYOUT")!;
    expect(inserted).toEqual([payout.example.formula]);
    expect(
      await screen.findByText(/Inserted the COMP\.PAYOUT example in Sheet1!B2\./)
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("says why when the insert fails, and offers no Insert without a workbook", async () => {
    const { WorkbookProvider } = await import("../../src/taskpane/workbookAccess");
    const access = {
      run: () => Promise.reject(new Error("not used")),
      insertFormulaInSelectedCell: () => Promise.reject(new Error("the sheet is protected")),
    };
    const user = userEvent.setup();
    const { unmount } = render(
      <WorkbookProvider access={access}>
        <FunctionsTab namespace={NAMESPACE} functions={catalog} />
      </WorkbookProvider>
    );
    await user.click(
      screen.getByRole("button", {
        name: `Insert the ${NAMESPACE}.GINI example in the selected cell`,
      })
    );
    expect(
      await screen.findByText(/Could not insert the COMP\.GINI example: the sheet is protected/)
    ).toBeInTheDocument();
    unmount();
    render(<FunctionsTab namespace={NAMESPACE} functions={catalog} />);
    expect(
      screen.queryByRole("button", { name: /Insert the .* example in the selected cell/ })
    ).toBeNull();
  });
});
