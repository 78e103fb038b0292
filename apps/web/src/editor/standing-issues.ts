/**
 * A refused save's marks go from the nodes and links edited since: the issues that still
 * stand are those whose node and link are the same objects in both drafts.
 */
import type { TreeDraft, TreeIssue } from '@treeline/core';

/** @example const issues = standingIssues(state.issues, before, after); */
export function standingIssues(
  issues: TreeIssue[],
  before: TreeDraft,
  after: TreeDraft,
): TreeIssue[] {
  const same = <T extends { id: string }>(list: (d: TreeDraft) => T[], id: string | undefined) =>
    id === undefined ||
    list(before).find((x) => x.id === id) === list(after).find((x) => x.id === id);
  const kept = issues.filter(
    (issue) => same((d) => d.nodes, issue.nodeId) && same((d) => d.edges, issue.edgeId),
  );
  return kept.length === issues.length ? issues : kept;
}
