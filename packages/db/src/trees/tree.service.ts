/**
 * Tree CRUD with optimistic concurrency: create (empty or from a template), read as a draft,
 * save a whole draft against the version it was read at, rename, delete. Every write is
 * validated first and runs in one transaction, so a save never leaves half a tree, and a
 * save against a stale version is refused with what changed since (never a lost update).
 */
import {
  DEFAULT_OUTBOUND_WINDOW_DAYS,
  DomainError,
  describeTreeDraftChanges,
  diffTreeDrafts,
  type TreeDraft,
  type TreeDraftChanges,
  type TreeIssue,
  treeDraftFromTemplate,
  treeDraftIssues,
  treeHygieneWarnings,
  treeTemplateByKey,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { type CatalogMetricSpec, loadMetricSpecs } from '../metrics/metric.repository';
import { lockMetricCatalog } from '../metrics/metric-catalog-lock';
import type { Database, Workspace } from '../schema/database';
import { deactivatedPeople } from '../workspaces/person.repository';
import {
  deleteTreeRow,
  ensureBuiltInMetrics,
  insertTreeDraft,
  readTreeDraft,
  type StoredTreeDraft,
  writeTreeContent,
} from './tree.repository';
import { findTreeRevision, insertTreeRevision } from './tree-revision.repository';

/** What the tree service needs of a workspace. */
export type TreeWorkspace = Pick<Workspace, 'id' | 'counting_policy'>;

/** A stored tree with what is wrong with it now (errors) and what to look at (warnings). */
export interface TreeRecord extends StoredTreeDraft {
  /** Problems that would keep the draft from being saved as it is (e.g. nodes with no owner). */
  errors: TreeIssue[];
  /** Hygiene warnings; they never block a save. */
  warnings: TreeIssue[];
}

/** The body of a stale save: how the tree differs from the version the save was based on. */
export interface TreeVersionConflict {
  currentVersion: number;
  yourVersion: number;
  /**
   * 'since_your_version': the changes from the version you read to the current one;
   * 'against_your_draft' when that version was never recorded: how the current tree
   * differs from what you sent.
   */
  basis: 'since_your_version' | 'against_your_draft';
  changes: TreeDraftChanges;
}

interface Checked {
  issues: TreeIssue[];
  catalog: Map<string, CatalogMetricSpec>;
}

/**
 * Validates a draft against the workspace: core's validateTree (structure, relation fit,
 * bands, RACI against the workspace's people) plus what only the metric engine knows (a
 * node's filter names a dimension its metric's rows do not have, a custom metric that
 * cannot be compiled). Each issue names its node or edge.
 *
 * @example const { issues } = await checkTreeDraft(db, workspace, draft);
 */
export async function checkTreeDraft(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  draft: TreeDraft,
  options: { requireAccountable?: boolean } = {},
): Promise<Checked> {
  const [catalog, people] = await Promise.all([
    loadMetricSpecs(db, workspace.id),
    db.selectFrom('people').select('id').where('workspace_id', '=', workspace.id).execute(),
  ]);
  const issues = treeDraftIssues(draft, catalog, {
    people: new Set(people.map((p) => p.id)),
    ...(options.requireAccountable === undefined
      ? {}
      : { requireAccountable: options.requireAccountable }),
  });
  return { issues, catalog };
}

function invalidTree(issues: TreeIssue[]): DomainError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new DomainError(
    'invalid_tree',
    `${issues.length === 1 ? 'One problem keeps' : `${issues.length} problems keep`} this tree from being saved: ${first.message}${more}`,
    { errors: issues },
  );
}

async function record(
  db: Kysely<Database>,
  stored: StoredTreeDraft,
  workspace: TreeWorkspace,
  catalog: Map<string, CatalogMetricSpec>,
  errors: TreeIssue[],
): Promise<TreeRecord> {
  const inactive = await deactivatedPeople(db, workspace.id);
  return {
    ...stored,
    errors,
    warnings: treeHygieneWarnings(stored.draft, catalog, {
      countingPolicy: workspace.counting_policy,
      inactivePeople: new Map(inactive.map((person) => [person.id, person.name])),
    }),
  };
}

async function recordOf(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  stored: StoredTreeDraft,
): Promise<TreeRecord> {
  const { issues, catalog } = await checkTreeDraft(db, workspace, stored.draft);
  return record(db, stored, workspace, catalog, issues);
}

export interface CreateTreeInput {
  /** Default: the template's name; required for an empty tree. */
  name?: string;
  description?: string;
  /** Start from this template (see TREE_TEMPLATES); else the tree is empty. */
  templateKey?: string | null;
  /** A person id made Accountable for every node until branches are handed over. */
  owner?: string | null;
}

/**
 * Creates a tree, empty or from a template. Without an owner, a template's nodes have no
 * Accountable yet (the record's `errors` say so until each is assigned).
 *
 * @example const tree = await createTree(db, workspace, { templateKey: 'contacts_growth', owner: ann });
 */
export async function createTree(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  input: CreateTreeInput,
): Promise<TreeRecord> {
  let draft: TreeDraft;
  if (input.templateKey) {
    const template = treeTemplateByKey(input.templateKey);
    if (!template) {
      throw new DomainError('unknown_template', `there is no template '${input.templateKey}'`, {
        templateKey: input.templateKey,
      });
    }
    const owners = input.owner
      ? Object.fromEntries(
          template.nodes.map((node) => [node.ref, { accountable: [input.owner!] }]),
        )
      : {};
    draft = treeDraftFromTemplate(template, owners);
  } else {
    draft = {
      name: '',
      description: '',
      motion: null,
      outboundWindowDays: DEFAULT_OUTBOUND_WINDOW_DAYS,
      nodes: [],
      edges: [],
    };
  }
  draft = {
    ...draft,
    name: input.name?.trim() || draft.name,
    description: input.description ?? draft.description,
  };
  const { id } = await db.transaction().execute(async (trx) => {
    await lockMetricCatalog(trx, workspace.id, 'use');
    const { issues } = await checkTreeDraft(trx, workspace, draft, { requireAccountable: false });
    if (issues.length > 0) throw invalidTree(issues);
    return insertTreeDraft(trx, workspace.id, draft, { templateKey: input.templateKey ?? null });
  });
  return recordOf(db, workspace, (await readTreeDraft(db, workspace.id, id))!);
}

/**
 * A tree as a draft with its version, errors and warnings; null when there is none.
 *
 * @example const tree = await getTree(db, workspace, id); tree?.version
 */
export async function getTree(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  treeId: string,
): Promise<TreeRecord | null> {
  const stored = await readTreeDraft(db, workspace.id, treeId);
  return stored && recordOf(db, workspace, stored);
}

/**
 * Saves a whole draft against the version it was read at, in one transaction: the version
 * is bumped only where it still equals `version` (a row lock, so concurrent saves queue and
 * the later one sees the new version), then nodes, edges and RACI are replaced and the
 * revision recorded. Node and edge ids that are already the tree's are kept; any other id
 * (e.g. "new-1") is a reference within the draft and gets a fresh id, returned in the
 * record. Throws DomainError 'invalid_tree' (with `errors`, each naming its node or edge)
 * or 'tree_version_conflict' (a TreeVersionConflict); null when there is no such tree.
 *
 * @example const saved = await saveTree(db, workspace, id, { version: 3, draft });
 */
export async function saveTree(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  treeId: string,
  input: { version: number; draft: TreeDraft },
): Promise<TreeRecord | null> {
  const result = await db.transaction().execute(async (trx) => {
    // Checked and written while no metric change can slip in between (metric-catalog-lock).
    await lockMetricCatalog(trx, workspace.id, 'use');
    const { issues, catalog } = await checkTreeDraft(trx, workspace, input.draft);
    if (issues.length > 0) {
      if (!(await readTreeDraft(trx, workspace.id, treeId))) return null;
      throw invalidTree(issues);
    }
    const bumped = await trx
      .updateTable('trees')
      .set((eb) => ({
        version: eb('version', '+', 1),
        name: input.draft.name,
        description: input.draft.description,
        motion: input.draft.motion,
        outbound_window_days: input.draft.outboundWindowDays,
        updated_at: new Date(),
      }))
      .where('workspace_id', '=', workspace.id)
      .where('id', '=', treeId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!bumped) {
      const current = await readTreeDraft(trx, workspace.id, treeId);
      if (!current) return null;
      throw await versionConflict(trx, workspace.id, current, input);
    }
    const before = (await readTreeDraft(trx, workspace.id, treeId))!;
    await ensureBuiltInMetrics(trx, workspace.id);
    const saved = await writeTreeContent(
      trx,
      workspace.id,
      treeId,
      input.draft,
      new Set(before.draft.nodes.map((node) => node.id)),
      new Set(before.draft.edges.map((edge) => edge.id)),
    );
    await insertTreeRevision(trx, workspace.id, treeId, bumped.version, saved);
    const stored = await readTreeDraft(trx, workspace.id, treeId);
    return stored && { stored, catalog };
  });
  return result && record(db, result.stored, workspace, result.catalog, []);
}

async function versionConflict(
  db: Kysely<Database>,
  workspaceId: string,
  current: StoredTreeDraft,
  input: { version: number; draft: TreeDraft },
): Promise<DomainError> {
  const base =
    input.version < current.version
      ? await findTreeRevision(db, workspaceId, current.id, input.version)
      : null;
  const conflict: TreeVersionConflict = base
    ? {
        currentVersion: current.version,
        yourVersion: input.version,
        basis: 'since_your_version',
        changes: diffTreeDrafts(base, current.draft),
      }
    : {
        currentVersion: current.version,
        yourVersion: input.version,
        basis: 'against_your_draft',
        changes: diffTreeDrafts(input.draft, current.draft),
      };
  const what =
    conflict.basis === 'since_your_version'
      ? `Since version ${input.version}: ${describeTreeDraftChanges(conflict.changes)}.`
      : `It differs from your draft: ${describeTreeDraftChanges(conflict.changes)}.`;
  return new DomainError(
    'tree_version_conflict',
    `'${current.draft.name}' is at version ${current.version}; you saved against version ${input.version}. ${what} Reload the tree, reapply your edits and save against version ${current.version}.`,
    { ...conflict },
  );
}

/**
 * Renames a tree (a change like any other: the version is bumped and recorded, so an editor
 * holding the old name is told rather than overwriting it). null when there is no such tree.
 *
 * @example await renameTree(db, workspace, id, 'Q3 activity tree');
 */
export async function renameTree(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  treeId: string,
  name: string,
): Promise<TreeRecord | null> {
  if (name.trim() === '')
    throw invalidTree([{ code: 'invalid_name', message: 'the tree needs a name' }]);
  const stored = await db.transaction().execute(async (trx) => {
    const bumped = await trx
      .updateTable('trees')
      .set((eb) => ({ version: eb('version', '+', 1), name: name.trim(), updated_at: new Date() }))
      .where('workspace_id', '=', workspace.id)
      .where('id', '=', treeId)
      .returning('version')
      .executeTakeFirst();
    if (!bumped) return null;
    const renamed = (await readTreeDraft(trx, workspace.id, treeId))!;
    await insertTreeRevision(trx, workspace.id, treeId, bumped.version, renamed.draft);
    return renamed;
  });
  return stored && recordOf(db, workspace, stored);
}

/**
 * Deletes a tree with its nodes, edges, owners and revisions; false when there is none.
 *
 * @example await deleteTree(db, workspace, id);
 */
export async function deleteTree(
  db: Kysely<Database>,
  workspace: TreeWorkspace,
  treeId: string,
): Promise<boolean> {
  return deleteTreeRow(db, workspace.id, treeId);
}
