/**
 * A rep is paid on its own plan's metrics: the blank quota and actual columns of another plan's
 * metrics are not findings (the demo sample has 720 such blanks; every rep there is computed).
 */
import { insertSampleData, runAlignmentCheck, runScenarioAction } from "../../src/actions";
import { MemoryWorkbook } from "../../src/workbook/memory";

test("blank columns of another plan's metrics are not warnings, and nothing said 'left out' is", async () => {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  const { report } = await runAlignmentCheck(book);
  const repFindings = report.findings.filter((f) => f.cell?.startsWith("Reps!"));
  expect(repFindings).toEqual([]);
  const { run } = await runScenarioAction(book);
  expect(run.dataIssues).toEqual([]);
});

test("a blank in the rep's own plan's metric is still a warning naming its cell", async () => {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  const [reps] = await book.readSheets(["Reps"]);
  const values = reps!.values.map((r) => [...r]);
  const header = values[0].map((v) => String(v));
  const plan = header.indexOf("Plan");
  const quota = header.findIndex((h) => h.endsWith(" Quota"));
  const metric = header[quota].replace(/ Quota$/, "");
  // A rep whose plan pays on the first metric column.
  const { report: before } = await runAlignmentCheck(book);
  expect(before.findings.some((f) => f.rule === "invalid-value")).toBe(false);
  const row = values.findIndex((r, i) => i > 0 && r[quota] !== null && r[quota] !== "");
  values[row][quota] = null;
  const broken = MemoryWorkbook.fromSheets(
    await Promise.all(
      ["Objectives", "Matrix", "Curves"].map(async (name) => {
        const [sheet] = await book.readSheets([name]);
        return { name, values: sheet!.values };
      })
    ).then((sheets) => [...sheets, { name: "Reps", values }])
  );
  const { report } = await runAlignmentCheck(broken);
  const finding = report.findings.find((f) => f.cell?.startsWith("Reps!"));
  expect(finding).toMatchObject({ severity: "warning", rule: "invalid-value" });
  expect(finding!.message).toContain(`${metric} Quota is blank`);
  expect(values[row][plan]).toBeTruthy();
});
