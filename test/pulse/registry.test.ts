/**
 * The pulse-check registry (PULSE_CHECKS): every check has each place it needs (title,
 * explanation, compute function, settings the reader knows, a value format and a row on the
 * Pulse Check tab, a pane label, CLI help, rows in docs/workbook.md and the README), so a
 * forgotten place fails here rather than in front of a user.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { PULSE_CHECK_SUMMARIES } from "../../src/engine/pulse";
import {
  DEFAULT_PULSE_BANDS,
  PULSE_CHECKS,
  PULSE_CHECK_COMPUTE,
  PULSE_CHECK_IDS,
  type PulseCheckSetting,
} from "../../src/engine/pulseChecks";
import { PULSE_SETTINGS, readPulseSettings } from "../../src/model/readPulseSettings";
import { PULSE_VALUE_FORMATS, formatPulseValue, pulseSheet } from "../../src/reports/pulseSheet";
import { PULSE_CHECK_LABELS, withLabels } from "../../src/taskpane/shared/labels";
import { tinyPulse } from "./fixture";

const root = join(__dirname, "..", "..");
const WORKBOOK_DOC = readFileSync(join(root, "docs", "workbook.md"), "utf8");
const README = readFileSync(join(root, "README.md"), "utf8");

const ownSettings = (c: (typeof PULSE_CHECKS)[number]): readonly PulseCheckSetting[] => c.settings;

/** The tiny world's pulse and its Pulse Check tab's rows. */
function tinyPulseSheet() {
  const result = tinyPulse();
  const sheet = pulseSheet(result, { tableName: "CompAlignPulse_Q1_2026" });
  return { result, rows: sheet.blocks.flatMap((b) => b.values) };
}
describe.each(PULSE_CHECKS.map((c) => [c.id, c] as const))("pulse check %s", (id, c) => {
  test("has a title, an explanation and a short name", () => {
    expect(c.title.trim()).not.toBe("");
    expect(c.explanation.trim()).toMatch(/\.$/);
    expect(c.shortName).toMatch(/^[a-z0-9]/);
  });

  test("has a compute function", () => {
    expect(typeof PULSE_CHECK_COMPUTE[id]).toBe("function");
  });

  test("every setting it reads is a Pulse Settings row the reader stores where the check reads it", () => {
    for (const s of ownSettings(c)) {
      expect(PULSE_SETTINGS.map((p) => p.name)).toContain(s.name);
      // A value that keeps every band's ends in order: 1% under the default, or 0.01 for 0.
      const value = s.default === null ? 0.5 : s.default === 0 ? 0.01 : s.default * 0.99;
      const { settings, warnings } = readPulseSettings({
        name: "Pulse Settings",
        values: [
          ["Setting", "Value"],
          [s.name, value],
        ],
      });
      expect(warnings).toEqual([]);
      const stored =
        s.default === null
          ? (settings as unknown as Record<string, number | null>)[s.field]
          : (settings.bands as Record<string, number>)[s.field];
      expect(stored).toBe(value);
      if (s.default !== null)
        expect((DEFAULT_PULSE_BANDS as Record<string, number>)[s.field]).toBe(s.default);
    }
    for (const [low, high] of "ordered" in c ? c.ordered : []) {
      expect(PULSE_SETTINGS.map((p) => p.field)).toEqual(expect.arrayContaining([low, high]));
    }
  });

  test("has a value format and a row on the Pulse Check tab (status table and checks by plan)", () => {
    expect(PULSE_VALUE_FORMATS[id]).toMatch(/0/);
    expect(formatPulseValue(id, null)).toBe("n/a");
    const titled = tiny.rows.filter((r) => r[0] === c.title);
    expect(titled).toHaveLength(2);
    expect(titled[0].at(-1)).toBe(id);
  });

  test("has a pane label that reads the registry, and the pane replaces the id by its title", () => {
    expect(PULSE_CHECK_LABELS[id]).toEqual({ title: c.title, explain: c.explanation });
    // Only hyphenated ids are replaced, so ordinary words ("concentration") are left alone.
    expect(withLabels(`see ${id}.`)).toBe(id.includes("-") ? `see ${c.title}.` : `see ${id}.`);
  });

  test("has its CLI help entry naming every setting it reads", () => {
    const summary = PULSE_CHECK_SUMMARIES.find((s) => s.id === id)!;
    expect(summary).toMatchObject({ title: c.title, explanation: c.explanation });
    for (const name of summary.settings) expect(PULSE_SETTINGS.map((p) => p.name)).toContain(name);
    expect(summary.settings.length).toBeGreaterThanOrEqual(ownSettings(c).length);
  });

  test("has its row in docs/workbook.md and its id in the README", () => {
    expect(WORKBOOK_DOC).toContain(`| \`${id}\` |`);
    expect(README).toContain(`\`${id}\``);
  });
});

const tiny = tinyPulseSheet();

test("the run lists every check once, in registry order, titled from the registry", () => {
  expect(tiny.result.checks.map((c) => [c.id, c.title])).toEqual(
    PULSE_CHECKS.map((c) => [c.id, c.title])
  );
  for (const plan of tiny.result.plans)
    expect(plan.checks.map((c) => c.id)).toEqual([...PULSE_CHECK_IDS]);
});

test("docs/workbook.md lists every Pulse Settings row with the registry's default", () => {
  const rows = WORKBOOK_DOC.split("\n").filter((l) => /^\| `[A-Z]/.test(l));
  const documented = new Map<string, string>();
  for (const row of rows) {
    const [names, defaults] = row.split("|").slice(1, 3);
    const n = [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const d = defaults.trim().split(" / ");
    n.forEach((name, i) => documented.set(name, d[Math.min(i, d.length - 1)]));
  }
  for (const s of PULSE_SETTINGS) expect(documented.has(s.name)).toBe(true);
  for (const s of PULSE_CHECKS.flatMap(ownSettings)) {
    const text = documented.get(s.name)!;
    if (s.default === null) expect(text).toBe("not set");
    else expect(Number(text)).toBeCloseTo(s.default, 9);
  }
});
