/** An icon button of the editor toolbar, named and with its shortcut in its title. */
import type { ReactNode } from 'react';

export function ToolbarIcon({
  label,
  keys,
  disabled = false,
  pressed,
  onClick,
  children,
}: {
  label: string;
  keys: string;
  disabled?: boolean;
  pressed?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`toolbar__button${pressed ? ' is-active' : ''}`}
      aria-label={label}
      aria-keyshortcuts={keys.replaceAll('⌘', 'Meta').replaceAll('Ctrl', 'Control')}
      aria-pressed={pressed}
      title={`${label} (${keys})`}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
