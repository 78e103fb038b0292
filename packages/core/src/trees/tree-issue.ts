// One finding about a tree draft: a validation error that blocks a save, or a hygiene warning.

/**
 * What validateTree and treeHygieneWarnings report: a stable code, one sentence that says
 * what is wrong and what to do, and the node and/or edge it is about (absent for the tree).
 */
export interface TreeIssue {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
}
