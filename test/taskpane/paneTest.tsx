/** What the pane's tests share: rendering a piece of the pane as the add-in does, and fixtures. */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WorkbookProvider, type WorkbookAccess } from "../../src/taskpane/workbookAccess";

/** Renders `ui` in the Fluent theme, on a workbook (or none, as in a plain browser). */
export function renderInPane(ui: ReactElement, access: WorkbookAccess | null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookProvider access={access}>{ui}</WorkbookProvider>
    </FluentProvider>
  );
}

/** A user's own Objectives sheet (one objective), which setup and the sample must keep. */
export const MY_OBJECTIVES = [
  ["Objective", "Priority"],
  ["Mine", 1],
];
