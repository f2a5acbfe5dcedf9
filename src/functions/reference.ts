/**
 * The function reference in Markdown, rendered from the catalogue. The README embeds it
 * between markers (scripts/update-readme.js writes it; a test fails when it is stale), so the
 * documentation cannot drift from what Excel and the headless engine register.
 */
import { catalog, NAMESPACE } from "./catalog";
import { formatSignature } from "./signature";
import type { FunctionSpec } from "./spec";

const cell = (text: string) => text.replace(/\|/g, "\\|");

export function renderFunction(spec: FunctionSpec): string {
  return [
    `### \`${formatSignature(NAMESPACE, spec)}\``,
    "",
    spec.description,
    "",
    "| parameter | meaning |",
    "|---|---|",
    ...spec.params.map(
      (p) => `| \`${p.name}\`${p.optional ? " (optional)" : ""} | ${cell(p.description)} |`
    ),
    "",
    `Example: \`${spec.example.formula}\` → \`${spec.example.result}\``,
    "",
    "Errors:",
    ...spec.errors.map((e) => `- ${e}`),
    "",
  ].join("\n");
}

export function renderReference(): string {
  return catalog.map(renderFunction).join("\n");
}

export const REFERENCE_START =
  "<!-- functions:start (generated from src/functions/catalog.ts by npm run docs) -->";
export const REFERENCE_END = "<!-- functions:end -->";

/** The README text with its reference section replaced by the current rendering. */
export function withReference(readme: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error("README has no function reference markers");
  return `${readme.slice(0, start + REFERENCE_START.length)}\n\n${renderReference()}\n${readme.slice(end)}`;
}
