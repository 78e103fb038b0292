/** A verdict as a coloured chip: "Verified", "Not verified", "Inconclusive" or "Not computed". */
import type { InterventionVerdict } from '@treeline/core';
import { REASON_LABELS, VERDICT_LABELS, verdictTone } from './verdict-words';

export function VerdictChip({
  result,
  withReason = false,
}: {
  result: InterventionVerdict | null;
  /** Add why ("not enough data") after the verdict. */
  withReason?: boolean;
}) {
  const tone = verdictTone(result?.verdict);
  return (
    <span className={`verdict-chip verdict-chip--${tone}`} data-testid="verdict-chip">
      {result ? VERDICT_LABELS[result.verdict] : 'Not computed'}
      {result && withReason && result.reason !== 'effect_confirmed' ? (
        <span className="verdict-chip__reason"> · {REASON_LABELS[result.reason]}</span>
      ) : null}
    </span>
  );
}
