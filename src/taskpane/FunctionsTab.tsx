/**
 * The Functions tab: every COMP function in the catalogue with its signature, description and
 * an example, filtered by a labelled search box. Result counts and copy outcomes are announced
 * through a polite live region.
 */
import { useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  Field,
  SearchBox,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FunctionSpec } from "../functions/spec";
import { FunctionItem } from "./FunctionItem";
import { useWorkbook } from "./workbookAccess";
import { filterFunctions } from "./filterFunctions";
import { plainList, stack } from "./shared/styles";

export interface FunctionsTabProps {
  namespace: string;
  functions: readonly Pick<FunctionSpec, "name" | "description" | "params" | "example">[];
}

const useStyles = makeStyles({
  root: stack(tokens.spacingVerticalM),
  heading: { margin: 0 },
  intro: { margin: 0 },
  status: { color: tokens.colorNeutralForeground3, minHeight: tokens.lineHeightBase200 },
  list: plainList(tokens.spacingVerticalS),
});

const plural = (n: number) => `${n} function${n === 1 ? "" : "s"}`;

export function FunctionsTab({ namespace, functions }: FunctionsTabProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [copyMessage, setCopyMessage] = useState("");
  const shown = useMemo(
    () => filterFunctions(functions, namespace, query),
    [functions, namespace, query]
  );

  const access = useWorkbook();
  const insert = access?.insertFormulaInSelectedCell?.bind(access);
  const onInsert = insert
    ? (name: string, formula: string) => {
        setCopyMessage(`Inserting the ${name} example…`);
        insert(formula).then(
          (address) => setCopyMessage(`Inserted the ${name} example in ${address}.`),
          (error: unknown) =>
            setCopyMessage(
              `Could not insert the ${name} example: ${error instanceof Error ? error.message : String(error)}`
            )
        );
      }
    : undefined;

  const onCopied = (name: string, ok: boolean) =>
    setCopyMessage(
      ok
        ? `Copied the ${name} example.`
        : `Could not copy the ${name} example: select it and press Ctrl+C.`
    );

  const count = query.trim()
    ? `${plural(shown.length)} of ${functions.length} match “${query.trim()}”.`
    : `${plural(functions.length)}.`;

  return (
    <section className={styles.root}>
      <Subtitle2 as="h2" className={styles.heading}>
        {namespace} functions
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        Type <code>={namespace}.</code> in any cell to use them. Rates and attainments are
        fractions: 100% is 1.
      </Body1>
      <Field label="Search functions">
        <SearchBox
          value={query}
          onChange={(_, data) => setQuery(data.value)}
          placeholder="Name or term, e.g. cap, tier, draw"
        />
      </Field>
      <Caption1 as="p" role="status" aria-live="polite" className={styles.status}>
        {count} {copyMessage}
      </Caption1>
      {shown.length > 0 ? (
        <ul className={styles.list} aria-label={`${namespace} functions`}>
          {shown.map((spec) => (
            <FunctionItem
              key={spec.name}
              namespace={namespace}
              spec={spec}
              onCopied={onCopied}
              onInsert={onInsert}
            />
          ))}
        </ul>
      ) : (
        <Body1 as="p">
          No function matches “{query.trim()}”. Try a shorter word or a term such as quota, cap,
          tier or bonus.
        </Body1>
      )}
    </section>
  );
}
