// One finding about a tree draft: a validation error that blocks a save, or a hygiene warning.

/**
 * What validateTree and treeHygieneWarnings report: a stable code, one sentence that says
 * what is wrong and what to do, the node and/or edge it is about (absent for the tree), and
 * for an error in one field of a node, that field's path (e.g. "alertRule.zThreshold"), so
 * the editor can show it on the field.
 */
export interface TreeIssue {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}
