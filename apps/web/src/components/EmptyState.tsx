/** An empty screen that teaches the next step. */
import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="state">
      <span className="state__icon" aria-hidden>
        {icon}
      </span>
      <h2 className="state__title">{title}</h2>
      <div className="state__text">{children}</div>
    </div>
  );
}
