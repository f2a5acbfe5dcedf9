/**
 * One COMP function in the Functions tab: its signature, what it does, its parameters, and an
 * example formula (wrapping only between arguments) with its result as a reader wants it
 * ("28,000", "1.15 (115%)"), an "Insert in selected cell" button where the workbook has a
 * selection (Excel), and a copy button.
 */
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { TableCellEditRegular } from "@fluentui/react-icons";
import type { FunctionSpec } from "../functions/spec";
import { CopyExampleButton } from "./CopyExampleButton";
import { formatSignature } from "../functions/signature";
import { ExampleFormula, ParamList } from "./functions/FunctionDetails";
import { formatExampleResult } from "./functions/financeTerms";
import { card } from "./shared/styles";

export interface FunctionItemProps {
  namespace: string;
  spec: Pick<FunctionSpec, "name" | "description" | "params" | "example">;
  onCopied?: (functionName: string, ok: boolean) => void;
  /** Inserts the example into the selected cell; the button shows only when given. */
  onInsert?: (functionName: string, formula: string) => void;
}

const useStyles = makeStyles({
  root: card,
  signature: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "break-word",
  },
  exampleRow: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  example: {
    flexGrow: 1,
    minWidth: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  value: { margin: 0, minWidth: 0 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "break-word",
  },
});

export function FunctionItem({ namespace, spec, onCopied, onInsert }: FunctionItemProps) {
  const styles = useStyles();
  const qualified = `${namespace}.${spec.name}`;
  return (
    <li className={styles.root} aria-label={qualified}>
      <h3 className={styles.signature}>{formatSignature(namespace, spec)}</h3>
      <Body1>{spec.description}</Body1>
      <ParamList params={spec.params} label={`${qualified} parameters`} />
      <div className={styles.exampleRow}>
        <dl className={styles.example}>
          <dt className={styles.term}>Example</dt>
          <dd className={styles.value}>
            <ExampleFormula formula={spec.example.formula} />
          </dd>
          <dt className={styles.term}>Result</dt>
          <dd className={styles.value}>
            <code className={styles.code}>
              {formatExampleResult(spec.name, spec.example.result)}
            </code>
          </dd>
        </dl>
        {onInsert && (
          <Button
            appearance="subtle"
            size="small"
            icon={<TableCellEditRegular />}
            aria-label={`Insert the ${qualified} example in the selected cell`}
            title={`Insert the ${qualified} example in the selected cell`}
            onClick={() => onInsert(qualified, spec.example.formula)}
          />
        )}
        <CopyExampleButton
          functionName={qualified}
          formula={spec.example.formula}
          onCopied={(ok) => onCopied?.(qualified, ok)}
        />
      </div>
    </li>
  );
}
