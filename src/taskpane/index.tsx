/**
 * Task pane entry point. Renders once Office is ready; outside Office (a plain browser, where
 * onReady resolves with no host) it still renders, and if office.js did not load at all it
 * renders straight away.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { currentOfficeTheme, fluentThemeFor } from "./theme";

let rendered = false;

function render(): void {
  const container = document.getElementById("container");
  if (rendered || !container) return;
  rendered = true;
  createRoot(container).render(<App theme={fluentThemeFor(currentOfficeTheme())} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady().then(render, render);
} else {
  render();
}
