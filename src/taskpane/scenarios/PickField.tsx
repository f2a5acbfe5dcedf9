/**
 * A labelled Fluent drop-down for one form field: its choices, the one picked, a hint and the
 * field's error, if any.
 */
import { Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";
import { fitControl, fitField } from "../shared/styles";

const useStyles = makeStyles({ field: fitField, control: fitControl });

export interface Choice {
  value: string;
  text: string;
}

export interface PickFieldProps {
  id: string;
  label: string;
  choices: readonly Choice[];
  /** The picked value; "" when none is picked yet (the placeholder shows). */
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  required?: boolean;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

export function PickField({
  id,
  label,
  choices,
  value,
  onChange,
  placeholder,
  required,
  hint,
  error,
  disabled,
}: PickFieldProps) {
  const styles = useStyles();
  const picked = choices.find((c) => c.value === value);
  return (
    <Field
      className={styles.field}
      label={{ children: label, htmlFor: id }}
      required={required}
      hint={hint}
      validationMessage={error}
      validationState={error ? "error" : "none"}
    >
      <Dropdown
        className={styles.control}
        id={id}
        placeholder={placeholder}
        value={picked?.text ?? ""}
        selectedOptions={picked ? [picked.value] : []}
        disabled={disabled}
        onOptionSelect={(_, data) => onChange(data.optionValue ?? "")}
      >
        {choices.map((c) => (
          <Option key={c.value} value={c.value} text={c.text}>
            {c.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
