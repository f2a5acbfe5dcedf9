/**
 * Parts of a function's card in the Functions tab: its parameters (name, optional or not, what
 * it takes) and its example formula, which wraps only between arguments.
 */
import { Fragment } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ParamSpec } from "../../functions/spec";
import { formulaPieces } from "./financeTerms";

const useStyles = makeStyles({
  params: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  paramName: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  optional: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
  paramText: { margin: 0, minWidth: 0 },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    display: "block",
    maxWidth: "100%",
  },
  // A piece moves to the next line whole; only one wider than the pane itself (a long array
  // constant at 320 px) wraps inside its own box rather than running past the pane's edge.
  piece: { display: "inline-block", maxWidth: "100%", overflowWrap: "anywhere" },
});

export function ParamList({ params, label }: { params: readonly ParamSpec[]; label: string }) {
  const styles = useStyles();
  if (params.length === 0) return null;
  return (
    <dl className={styles.params} aria-label={label}>
      {params.map((p) => (
        <Fragment key={p.name}>
          <dt className={styles.paramName}>
            {p.name}
            {p.optional && <span className={styles.optional}> (optional)</span>}
          </dt>
          <dd className={styles.paramText}>{p.description}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The formula in one code element; a line may break only after an argument's comma. */
export function ExampleFormula({ formula }: { formula: string }) {
  const styles = useStyles();
  const pieces = formulaPieces(formula);
  return (
    <code className={styles.formula} data-formula={formula}>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          <span className={styles.piece}>{piece}</span>
          {i < pieces.length - 1 && <wbr />}
        </Fragment>
      ))}
    </code>
  );
}
