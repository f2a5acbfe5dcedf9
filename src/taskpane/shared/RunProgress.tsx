/**
 * A long run's controls beside its Run button: Cancel while it runs ("Cancelling…" once asked,
 * disabled once the run writes its tabs and can no longer stop), and a determinate progress bar
 * named `label`, its hint and value text saying the step ("40%: Baseline, rep 12 of 30").
 */
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface Progress {
  done: number;
  /** 0 until the run knows how many steps there are. */
  total: number;
  label: string;
}

export function CancelButton({
  cancelling,
  disabled,
  onCancel,
}: {
  cancelling: boolean;
  disabled: boolean;
  onCancel: () => void;
}) {
  return (
    <Button icon={<DismissRegular />} disabledFocusable={cancelling || disabled} onClick={onCancel}>
      {cancelling ? "Cancelling…" : "Cancel"}
    </Button>
  );
}

export function RunProgressBar({ label, progress }: { label: string; progress: Progress }) {
  const fraction = progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <Field label={label} hint={progress.label}>
      <ProgressBar
        value={fraction}
        max={1}
        aria-valuetext={`${Math.round(fraction * 100)}%: ${progress.label}`}
      />
    </Field>
  );
}
