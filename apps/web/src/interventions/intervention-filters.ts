/**
 * The list and the impact review narrow interventions by verdict, branch (the target node)
 * and owner on the page, from the one list the API sends, so switching is instant.
 */
import type { Intervention, Verdict } from '@treeline/core';

export interface InterventionPicks {
  verdict: Verdict | 'none' | '';
  /** `<treeId>:<nodeId>` of the target node, or '' for every branch. */
  branch: string;
  ownerId: string;
}

export const NO_PICKS: InterventionPicks = { verdict: '', branch: '', ownerId: '' };

export const branchKey = (i: Intervention) => `${i.treeId}:${i.target.nodeId}`;

/** @example pickInterventions(list, { verdict: 'verified', branch: '', ownerId: '' }) */
export function pickInterventions(list: Intervention[], picks: InterventionPicks): Intervention[] {
  return list.filter(
    (i) =>
      (picks.verdict === '' ||
        (picks.verdict === 'none'
          ? i.target.result === null
          : i.target.result?.verdict === picks.verdict)) &&
      (picks.branch === '' || branchKey(i) === picks.branch) &&
      (picks.ownerId === '' || i.ownerId === picks.ownerId),
  );
}

/** The branches and owners the list holds, for the filters' options, sorted by name. */
export function filterChoices(list: Intervention[]) {
  const branches = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const i of list) {
    branches.set(branchKey(i), i.target.label);
    owners.set(i.ownerId, i.ownerName);
  }
  const sorted = (m: Map<string, string>) =>
    [...m.entries()]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  return { branches: sorted(branches), owners: sorted(owners) };
}
