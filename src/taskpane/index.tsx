/**
 * Task pane entry point. Renders once Office is ready; outside Office (a plain browser, where
 * onReady resolves with no host) it still renders, and if office.js did not load at all it
 * renders straight away.
 *
 * The workbook the pane works on is chosen here, once: the open Excel workbook through the
 * Office adapter when Office reports Excel as the host, and none otherwise (the Alignment tab
 * then says its actions need Excel).
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { currentOfficeTheme, fluentThemeFor } from "./theme";
import { officeWorkbookAccess, type WorkbookAccess } from "./workbookAccess";

let rendered = false;

function render(workbook: WorkbookAccess | null): void {
  const container = document.getElementById("container");
  if (rendered || !container) return;
  rendered = true;
  createRoot(container).render(
    <App theme={fluentThemeFor(currentOfficeTheme())} workbook={workbook} />
  );
}

/** The workbook for the host Office reports: Excel's, or none outside Excel. */
function workbookFor(info: { host?: Office.HostType | null } | undefined): WorkbookAccess | null {
  return info?.host === Office.HostType.Excel ? officeWorkbookAccess() : null;
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady().then(
    (info) => render(workbookFor(info)),
    () => render(null)
  );
} else {
  render(null);
}
