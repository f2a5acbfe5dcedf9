/**
 * @jest-environment jsdom
 */
/**
 * Inside Office, the pane starts only on an Excel with every required API set; elsewhere in
 * Office it says what is missing (and never opens the playground's demo workbook). The boot is
 * tested through src/taskpane/index.tsx itself, with a stand-in Office global.
 */
import { screen } from "@testing-library/react";
import { checkHost, REQUIRED_SETS } from "../../src/taskpane/host/requirements";

const all = () => true;

describe("checkHost", () => {
  it("accepts Excel with every required set, and is neutral outside Office", () => {
    expect(checkHost({ host: "Excel", isSetSupported: all })).toEqual({ kind: "excel" });
    expect(checkHost({ host: null, isSetSupported: all })).toEqual({ kind: "outside-office" });
  });

  it("names the sets an older Excel lacks, with the builds that have them", () => {
    const verdict = checkHost({
      host: "Excel",
      isSetSupported: (name, version) => !(name === "ExcelApi" && version === "1.8"),
    });
    expect(verdict).toEqual({
      kind: "unsupported",
      title: "This version of Excel is too old for CompAlign: it needs ExcelApi 1.8.",
      detail: expect.stringContaining("Excel 2021 or later, Excel on the web"),
    });
    const none = checkHost({ host: "Excel", isSetSupported: () => false });
    expect(none.kind === "unsupported" && none.title).toBe(
      "This version of Excel is too old for CompAlign: it needs ExcelApi 1.8, SharedRuntime 1.1, CustomFunctionsRuntime 1.3."
    );
  });

  it("treats an isSetSupported that throws as missing", () => {
    const verdict = checkHost({
      host: "Excel",
      isSetSupported: (name) => {
        if (name === "SharedRuntime") throw new Error("unknown set");
        return true;
      },
    });
    expect(verdict.kind === "unsupported" && verdict.title).toMatch(/needs SharedRuntime 1\.1\.$/);
  });

  it("refuses other Office applications by name", () => {
    const verdict = checkHost({ host: "Word", isSetSupported: all });
    expect(verdict.kind === "unsupported" && verdict.title).toBe(
      "CompAlign runs only in Excel, not in Word."
    );
  });

  it("requires the sets the manifest declares", () => {
    expect(REQUIRED_SETS.map((s) => `${s.name} ${s.version}`)).toEqual([
      "ExcelApi 1.8",
      "SharedRuntime 1.1",
      "CustomFunctionsRuntime 1.3",
    ]);
  });
});

describe("task pane boot inside Office", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    document.body.innerHTML = "";
  });

  async function boot(host: string, supported: (name: string, version: string) => boolean) {
    document.body.innerHTML = '<div id="container"><p>Loading CompAlign…</p></div>';
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel", Word: "Word" },
      onReady: () => Promise.resolve({ host, platform: "PC" }),
      context: { requirements: { isSetSupported: supported } },
    };
    // index.tsx renders from Office.onReady's promise, as in Excel: not inside act().
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    jest.isolateModules(() => {
      require("../../src/taskpane/index");
    });
  }

  it("an Excel without ExcelApi 1.8 gets the message, not the playground", async () => {
    await boot("Excel", (name) => name !== "ExcelApi");
    expect(
      await screen.findByText(
        "This version of Excel is too old for CompAlign: it needs ExcelApi 1.8."
      )
    ).toBeTruthy();
    expect(screen.queryByText(/Loading CompAlign/)).toBeNull();
    expect(document.body.textContent).not.toMatch(/playground|sample/i);
  });

  it("Word gets the message that CompAlign runs only in Excel", async () => {
    await boot("Word", () => true);
    expect(await screen.findByText("CompAlign runs only in Excel, not in Word.")).toBeTruthy();
  });
});
