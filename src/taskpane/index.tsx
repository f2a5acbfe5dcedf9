/**
 * Task pane entry point. Renders once Office is ready.
 *
 * The workbook the pane works on is chosen here, once: the open Excel workbook through the
 * Office adapter when Office reports Excel as the host. Outside Office (a plain browser, where
 * onReady resolves with no host, or office.js did not load at all) the pane opens as the
 * playground: an in-memory workbook holding the demo sample, a preview of its sheets beside the
 * pane, and a banner saying how to load the add-in into Excel. The playground is a separate
 * chunk, loaded only then. Inside another Office application, or an Excel without a required API
 * set (host/requirements.ts), the pane says what is missing instead.
 *
 * Performance marks: `compalign:start` when this module runs and `compalign:first-render` after
 * the first render is committed (with the measure `compalign:time-to-first-render`), read by
 * the end-to-end tests.
 */
import { useEffect, type ReactElement, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { checkHost } from "./host/requirements";
import { UnsupportedHost } from "./host/UnsupportedHost";
import { currentOfficeTheme, fluentThemeFor } from "./theme";
import { officeWorkbookAccess } from "./workbookAccess";

const START_MARK = "compalign:start";
const FIRST_RENDER_MARK = "compalign:first-render";

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Marks are for measuring only.
  }
}

mark(START_MARK);

/** Marks the first committed render. */
function FirstRender({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (performance.getEntriesByName?.(FIRST_RENDER_MARK).length) return;
    mark(FIRST_RENDER_MARK);
    try {
      performance.measure("compalign:time-to-first-render", START_MARK, FIRST_RENDER_MARK);
    } catch {
      // Marks are for measuring only.
    }
  }, []);
  return children;
}

let rendered = false;

function render(element: ReactElement): void {
  const container = document.getElementById("container");
  if (rendered || !container) return;
  rendered = true;
  createRoot(container).render(<FirstRender>{element}</FirstRender>);
}

function renderInExcel(): void {
  render(<App theme={fluentThemeFor(currentOfficeTheme())} workbook={officeWorkbookAccess()} />);
}

/** Outside Office: the playground; if even that cannot load, the pane with no workbook. */
function renderPlayground(): void {
  import(/* webpackChunkName: "playground" */ "./playground")
    .then(({ createPlayground }) => createPlayground())
    .then(render, (error: unknown) => {
      console.error("CompAlign: the playground could not start", error);
      render(<App workbook={null} />);
    });
}

function start(info: { host?: Office.HostType | null } | undefined): void {
  const verdict = checkHost({
    host: info?.host ? String(info.host) : null,
    isSetSupported: (name, version) =>
      Boolean(Office.context?.requirements?.isSetSupported(name, version)),
  });
  if (verdict.kind === "excel") renderInExcel();
  else if (verdict.kind === "unsupported")
    render(
      <UnsupportedHost
        title={verdict.title}
        detail={verdict.detail}
        theme={fluentThemeFor(currentOfficeTheme())}
      />
    );
  else renderPlayground();
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady().then(start, renderPlayground);
} else {
  renderPlayground();
}
