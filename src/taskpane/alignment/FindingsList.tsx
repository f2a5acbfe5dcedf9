/**
 * The findings of a check, grouped by severity: Errors, Warnings, Notes, each with its count.
 */
import type { Finding, Severity } from "../../engine/plan";
import { Section } from "../shared/Section";
import { FindingGroup } from "./FindingGroup";

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect: (cell: string) => void;
}

const GROUPS: { severity: Severity; heading: string }[] = [
  { severity: "error", heading: "Errors" },
  { severity: "warning", heading: "Warnings" },
  { severity: "info", heading: "Notes" },
];

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  return (
    <Section title="Findings" gap="M" idPrefix="findings-">
      {GROUPS.map(({ severity, heading }) => (
        <FindingGroup
          key={severity}
          severity={severity}
          heading={heading}
          findings={findings.filter((f) => f.severity === severity)}
          onSelect={onSelect}
        />
      ))}
    </Section>
  );
}
