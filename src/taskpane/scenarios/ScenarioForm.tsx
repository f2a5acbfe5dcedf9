/**
 * Add a change to the Scenarios sheet from the pane: Scenario, Change, Plan, Metric, To, Value,
 * Segment, with the checks the engine makes when it reads the row (which fields each change
 * needs, Value a number in range), shown by field before anything is handed on. The row goes to
 * `onSubmit`; the form says it was added only when that resolves true.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import {
  Button,
  Field,
  Input,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { AddRegular, ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { VALUE_KINDS } from "../../engine/changeKinds";
import { changeLabel } from "../shared/labels";
import type { ScenarioListing } from "./listing";
import { PickField, type Choice } from "./PickField";
import {
  CHANGE_CHOICES,
  EMPTY_DRAFT,
  isChangeType,
  metricsFor,
  needsOf,
  parseValue,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type ScenarioDraft,
  type ScenarioRow,
} from "./scenarioRow";

export interface ScenarioFormProps {
  listing: ScenarioListing;
  /** Another task runs: the form can be filled but not submitted. */
  busy: boolean;
  onSubmit: (row: ScenarioRow) => Promise<boolean>;
  /** What the last submit did (a message bar), shown under the form. */
  notice?: ReactNode;
}

const FIELD_ORDER: readonly DraftField[] = [
  "scenario",
  "change",
  "plan",
  "metric",
  "to",
  "value",
  "segment",
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  toggle: { alignSelf: "flex-start" },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  submit: { alignSelf: "flex-start" },
});

const percent = (n: number) => `${+(n * 100).toFixed(4)}%`;

/** What the typed Value means, when it is a number. */
function valueMeaning(draft: ScenarioDraft): string {
  if (!draft.change) return "";
  const needs = needsOf(draft.change).value;
  if (!needs) return "";
  const { units, typing } = VALUE_KINDS[needs.kind];
  const hint = `A ${units}: ${typing}.`;
  const value = parseValue(draft.value);
  if (value === null || !Number.isFinite(value)) return hint;
  const meaning =
    needs.kind === "share"
      ? `${percent(value)} of target incentive`
      : `${value >= 1 ? "+" : "−"}${percent(Math.abs(value - 1))}`;
  return `${hint} Now: ${meaning}.`;
}

export function ScenarioForm({ listing, busy, onSubmit, notice }: ScenarioFormProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ScenarioDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const formId = useId("scenario-form-");
  const headingId = useId("scenario-form-heading-");
  const namesId = useId("scenario-names-");
  const ids = Object.fromEntries(FIELD_ORDER.map((f) => [f, `${formId}-${f}`])) as Record<
    DraftField,
    string
  >;

  const needs = draft.change ? needsOf(draft.change) : null;
  const planMetrics = metricsFor(listing, draft.plan);

  const edit = (change: Partial<ScenarioDraft>) => {
    const next = { ...draft, ...change };
    // A plan without the chosen metric clears it.
    const allowed = metricsFor(listing, next.plan);
    const inPlan = (m: string) => allowed.some((a) => a.toLowerCase() === m.toLowerCase());
    if (next.metric && !inPlan(next.metric)) next.metric = "";
    if (next.change && needsOf(next.change).to === "metric" && next.to && !inPlan(next.to))
      next.to = "";
    if (change.change !== undefined && change.change !== draft.change) next.to = "";
    setDraft(next);
    if (tried) {
      const checked = validateDraft(next, listing);
      setErrors(checked.errors ?? {});
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending || busy) return;
    setTried(true);
    const checked = validateDraft(draft, listing);
    if (checked.errors) {
      setErrors(checked.errors);
      const first = FIELD_ORDER.find((f) => checked.errors[f]);
      if (first) document.getElementById(ids[first])?.focus();
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const added = await onSubmit(checked.row);
      if (added) {
        // Ready for the next change of the same scenario.
        setDraft({ ...EMPTY_DRAFT, scenario: draft.scenario });
        setTried(false);
      }
    } finally {
      setSending(false);
    }
  };

  const planChoices: Choice[] = [
    { value: "", text: "All plans" },
    ...listing.plans.map((p) => ({ value: p, text: p })),
  ];
  const metricChoices: Choice[] = [
    ...(needs?.metric === "optional" ? [{ value: "", text: "Every metric" }] : []),
    ...planMetrics.map((m) => ({ value: m, text: m })),
  ];
  const toChoices: Choice[] =
    needs?.to === "curve"
      ? listing.curves.map((c) => ({ value: c, text: c }))
      : planMetrics
          .filter((m) => m.toLowerCase() !== draft.metric.toLowerCase())
          .map((m) => ({ value: m, text: m }));
  const segmentChoices: Choice[] = [
    { value: "", text: "All segments" },
    ...listing.segments.map((s) => ({ value: s, text: s })),
  ];

  return (
    <div className={styles.root}>
      <Button
        className={styles.toggle}
        appearance="subtle"
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        Add a change to the Scenarios sheet
      </Button>
      {open && (
        <form
          id={formId}
          className={styles.form}
          aria-labelledby={headingId}
          noValidate
          onSubmit={(e) => void submit(e)}
        >
          <Subtitle2 as="h3" id={headingId} className={styles.heading}>
            New Scenarios row
          </Subtitle2>
          <Field
            label={{ children: "Scenario name", htmlFor: ids.scenario }}
            required
            hint="A new name starts a scenario; an existing one adds this change after its other rows."
            validationMessage={errors.scenario}
            validationState={errors.scenario ? "error" : "none"}
          >
            <Input
              id={ids.scenario}
              list={namesId}
              value={draft.scenario}
              onChange={(_, d) => edit({ scenario: d.value })}
            />
          </Field>
          <datalist id={namesId}>
            {listing.scenarioNames.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <PickField
            id={ids.change}
            label="Change"
            required
            placeholder="Pick a change"
            choices={CHANGE_CHOICES}
            value={draft.change}
            hint={draft.change ? changeLabel(draft.change).explain : undefined}
            error={errors.change}
            onChange={(v) => edit({ change: isChangeType(v) ? v : "" })}
          />
          <PickField
            id={ids.plan}
            label="Plan"
            choices={planChoices}
            value={draft.plan}
            error={errors.plan}
            onChange={(v) => edit({ plan: v })}
          />
          {needs && needs.metric !== "unused" && (
            <PickField
              id={ids.metric}
              label="Metric"
              required={needs.metric === "required"}
              placeholder={needs.metric === "required" ? "Pick a metric" : "Every metric"}
              choices={metricChoices}
              value={draft.metric}
              error={errors.metric}
              onChange={(v) => edit({ metric: v })}
            />
          )}
          {needs && needs.to !== "unused" && (
            <PickField
              id={ids.to}
              label="To"
              required
              placeholder={
                needs.to === "curve" ? "Pick a curve" : "Pick the metric that receives the weight"
              }
              hint={
                needs.to === "curve"
                  ? "The curve the metric is paid on."
                  : "The metric that receives the weight; it must be in the plan (a 0% row in Matrix introduces one)."
              }
              choices={toChoices}
              value={draft.to}
              error={errors.to}
              onChange={(v) => edit({ to: v })}
            />
          )}
          {needs?.value && (
            <Field
              label={{ children: "Value", htmlFor: ids.value }}
              required
              hint={valueMeaning(draft)}
              validationMessage={errors.value}
              validationState={errors.value ? "error" : "none"}
            >
              <Input
                id={ids.value}
                inputMode="decimal"
                value={draft.value}
                onChange={(_, d) => edit({ value: d.value })}
              />
            </Field>
          )}
          <PickField
            id={ids.segment}
            label="Segment"
            choices={segmentChoices}
            value={draft.segment}
            onChange={(v) => edit({ segment: v })}
          />
          <Button
            className={styles.submit}
            type="submit"
            appearance="primary"
            icon={<AddRegular />}
            disabledFocusable={busy || sending}
          >
            Add to Scenarios sheet
          </Button>
          {notice}
        </form>
      )}
    </div>
  );
}
