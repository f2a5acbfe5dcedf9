/**
 * The Alignment tab's answer first: one card saying where the design stands — not checked
 * yet, an empty workbook, "Not valid" with the error count while errors exist (the index means
 * nothing until they are fixed), or the design alignment index with the warnings and notes —
 * and the one next step for that state (Go to the first error when there are errors). The
 * other actions stay in the row below, as secondary buttons.
 */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRightRegular } from "@fluentui/react-icons";
import type { AlignmentReport } from "../../engine/alignmentRules";
import { cellText } from "../shared/labels";
import { useFigures } from "../shared/figures";
import { SummaryCard } from "../shared/SummaryCard";
import { count, listOf } from "./format";

/** Which state the tab is in, and so which action is the primary one. */
export type AlignmentStage = "empty" | "unchecked" | "errors" | "ready";

export function alignmentStage(
  report: AlignmentReport | null,
  needsSetup: boolean
): AlignmentStage {
  if (needsSetup) return "empty";
  if (!report) return "unchecked";
  return report.findings.some((f) => f.severity === "error") ? "errors" : "ready";
}

export interface AlignmentSummaryProps {
  stage: AlignmentStage;
  report: AlignmentReport | null;
  onSelect: (cell: string) => void;
}

const useStyles = makeStyles({
  errors: {
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftColor: tokens.colorStatusDangerBorder2,
  },
  ready: {
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftColor: tokens.colorBrandStroke1,
  },
  line: { margin: 0 },
  action: { alignSelf: "flex-start", maxWidth: "100%" },
});

export function AlignmentSummary({ stage, report, onSelect }: AlignmentSummaryProps) {
  const styles = useStyles();
  const fig = useFigures();
  const of = (severity: "error" | "warning" | "info") =>
    report ? report.findings.filter((f) => f.severity === severity).length : 0;
  const firstError = report?.findings.find((f) => f.severity === "error" && f.cell);
  let title: string;
  let line: string;
  switch (stage) {
    case "empty":
      title = "Start by setting up the workbook";
      line =
        "Set up workbook adds the Objectives, Matrix, Curves and Reps sheets with a starter plan.";
      break;
    case "unchecked":
      title = "Not checked yet";
      line = "Check alignment to see whether the plans pay for what strategy says matters.";
      break;
    case "errors":
      title = `Not valid: ${count(of("error"), "error")}`;
      line = `The design alignment index is not valid until the errors are fixed. Also ${listOf([count(of("warning"), "warning"), count(of("info"), "note")])}.`;
      break;
    case "ready":
      title = `Design alignment index ${fig.index(report?.designAlignmentIndex)}`;
      line = `No errors; ${listOf([count(of("warning"), "warning"), count(of("info"), "note")])}.`;
      break;
  }
  return (
    <SummaryCard
      label="Alignment summary"
      summary="alignment"
      title={title}
      className={stage === "errors" ? styles.errors : stage === "ready" ? styles.ready : undefined}
    >
      <Body1 as="p" className={styles.line}>
        {line}
      </Body1>
      {stage === "errors" && firstError?.cell && (
        <Button
          appearance="primary"
          className={styles.action}
          icon={<ArrowRightRegular />}
          iconPosition="after"
          onClick={() => onSelect(firstError.cell!)}
          aria-label={`Go to the first error (${cellText(firstError.cell)})`}
          data-primary="true"
        >
          Go to the first error
        </Button>
      )}
    </SummaryCard>
  );
}
