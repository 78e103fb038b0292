// Tests for the changes between two versions of a tree.

import { describe, expect, it } from 'vitest';
import { describeTreeDraftChanges, diffTreeDrafts, hasNoChanges } from './diff-tree-drafts';
import { ACTIVITY_PER_CONTACT_TEMPLATE } from './templates/activity-per-contact-template';
import { treeDraftFromTemplate } from './templates/tree-draft-from-template';

describe('diffTreeDrafts', () => {
  const before = treeDraftFromTemplate(ACTIVITY_PER_CONTACT_TEMPLATE, {
    call: { accountable: ['ann'] },
  });

  it('finds nothing between equal drafts, whatever the RACI order', () => {
    const same = structuredClone(before);
    same.nodes[0]!.raci.responsible = ['b', 'a'];
    const reordered = structuredClone(before);
    reordered.nodes[0]!.raci.responsible = ['a', 'b'];
    expect(hasNoChanges(diffTreeDrafts(same, reordered))).toBe(true);
  });

  it('names changed, added and removed nodes and edges by label', () => {
    const after = structuredClone(before);
    after.name = 'Renamed';
    const call = after.nodes.find((n) => n.id === 'call')!;
    call.label = 'Dials per contact';
    call.raci.accountable = ['bob'];
    after.nodes = after.nodes.filter((n) => n.id !== 'social');
    after.edges = after.edges.filter((e) => e.child !== 'social');
    after.nodes.push({
      ...call,
      id: 'task',
      label: 'Tasks per contact',
      filter: { channel: 'task' },
    });
    after.edges.push({
      id: 'root>task',
      parent: 'root',
      child: 'task',
      relation: 'sum',
      role: null,
      exponent: 1,
    });
    const changes = diffTreeDrafts(before, after);
    expect(changes.tree).toEqual(['name']);
    expect(changes.nodes).toEqual({
      added: [{ id: 'task', label: 'Tasks per contact' }],
      removed: [{ id: 'social', label: 'Social touches per contact' }],
      changed: [{ id: 'call', label: 'Dials per contact', fields: ['label', 'raci'] }],
    });
    expect(changes.edges.removed).toEqual([
      { id: 'root>social', label: "'Activity volume per contact' → 'Social touches per contact'" },
    ]);
    expect(describeTreeDraftChanges(changes)).toBe(
      "the name changed; node 'Dials per contact' changed (label, raci); node 'Tasks per contact' was added; node 'Social touches per contact' was removed; edge 'Activity volume per contact' → 'Tasks per contact' was added; edge 'Activity volume per contact' → 'Social touches per contact' was removed",
    );
  });
});
