/** The Accountable owner's initials in a small circle; a dashed circle when nobody is. */
import type { PersonRef } from '@treeline/core';

const PALETTE = 6;

/** A stable colour per person, so the same owner looks the same on every node. */
function paletteIndex(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % PALETTE;
}

export function OwnerAvatar({
  person,
  size = 'small',
}: {
  person: PersonRef | null;
  size?: 'small' | 'large';
}) {
  if (!person) {
    return (
      <span
        className={`avatar avatar--${size} avatar--missing`}
        title="No Accountable owner yet"
        role="img"
        aria-label="No Accountable owner yet"
      >
        ?
      </span>
    );
  }
  return (
    <span
      className={`avatar avatar--${size} avatar--c${paletteIndex(person.id)}`}
      title={`Accountable: ${person.name}`}
      role="img"
      aria-label={`Accountable: ${person.name}`}
    >
      {person.initials}
    </span>
  );
}
