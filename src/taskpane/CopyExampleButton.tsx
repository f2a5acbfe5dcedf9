/**
 * An icon button that copies a function's example formula to the clipboard and briefly shows
 * a check mark. Its accessible name (and native tooltip) says what it copies; the outcome is
 * reported through `onCopied` so the tab can announce it. A native title instead of Fluent's
 * Tooltip keeps the positioning engine (~15 KB gzip) out of the initial bundle.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "@fluentui/react-components";
import { CheckmarkRegular, CopyRegular } from "@fluentui/react-icons";
import { copyText } from "./copyText";

export interface CopyExampleButtonProps {
  /** Qualified function name, e.g. COMP.PAYOUT. */
  functionName: string;
  formula: string;
  onCopied?: (ok: boolean) => void;
}

const FEEDBACK_MS = 2000;

export function CopyExampleButton({ functionName, formula, onCopied }: CopyExampleButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const ok = await copyText(formula);
    onCopied?.(ok);
    if (ok) {
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), FEEDBACK_MS);
    }
  };

  const label = `Copy example formula for ${functionName}`;
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
      aria-label={label}
      title={label}
      onClick={copy}
    />
  );
}
