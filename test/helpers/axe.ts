/** Accessibility assertion for the task-pane tests: no axe violations, listed readably if any. */
import { axe } from "jest-axe";

export async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe(container);
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`)
  ).toEqual([]);
}
