/**
 * The browser build of the recording fake of Excel's object model (test/workbook/officeFake),
 * for the end-to-end suite that runs the task pane on it: defines window.__CompAlignFakeExcel.
 */
import { installFakeExcel } from "../../workbook/officeFake/fakeExcel";
import { FakeBook } from "../../workbook/officeFake/model";

(window as unknown as { __CompAlignFakeExcel: unknown }).__CompAlignFakeExcel = {
  FakeBook,
  installFakeExcel,
};
