/** The metric page's "nothing to show here" note, in a card where a chart would be. */
import { LineChart } from 'lucide-react';
import type { ReactNode } from 'react';

export function NoData({ children }: { children: ReactNode }) {
  return (
    <div className="mp-empty" data-testid="no-data">
      <LineChart aria-hidden size={18} className="state__icon" />
      <p>{children}</p>
    </div>
  );
}
