// The contract schemas accept what core's own code builds, and describes() refuses a schema
// whose type drifts from the domain type it describes.

import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { IMPORT_FIELDS } from '../ingest/import-fields';
import { IMPORT_PRESETS } from '../ingest/import-presets';
import { BUILT_IN_METRICS } from '../metrics/built-in-metrics';
import { assembleTreeView } from '../trees/assemble-tree-view';
import { diffTreeDrafts } from '../trees/diff-tree-drafts';
import { loadedEdge, loadedNode, loadedTree, seriesOf } from '../trees/loaded-tree.test-helpers';
import { TREE_TEMPLATES } from '../trees/templates/tree-templates';
import { draftEdge, draftNode, treeDraft } from '../trees/tree-draft.test-helpers';
import type { TreeIssue } from '../trees/tree-issue';
import { treeViewPeriods } from '../trees/tree-view-periods';
import { describes, withDescription } from './describes';
import { ImportCatalogSchema } from './imports/import-catalog';
import { MetricSpecSchema } from './metrics/metric';
import { PeriodViewSchema } from './periods';
import { ProblemSchema } from './problem';
import { TreeDraftChangesSchema } from './trees/tree-conflict';
import { TreeDraftSchema } from './trees/tree-draft';
import { TreeTemplateSchema } from './trees/tree-template';
import { TreeViewSchema } from './trees/tree-view';

describe('the contract schemas', () => {
  it('accept a tree view as core assembles it', () => {
    const now = new Date('2026-04-15T12:00:00Z');
    const view = assembleTreeView({
      tree: loadedTree(
        [loadedNode('total', 'activities_total'), loadedNode('calls', 'activities_total')],
        [loadedEdge('total', 'calls', 'sum')],
      ),
      workspace: { id: 'ws', name: 'Acme', timeZone: 'UTC' },
      periodOptions: { timeZone: 'UTC' },
      periods: treeViewPeriods({ grain: 'month', periods: 2 }, now, { timeZone: 'UTC' }),
      seriesByNode: seriesOf({ total: [3, 5], calls: [1, 2] }),
      benchmarkValues: new Map(),
      filter: {},
      now,
    });
    expect(TreeViewSchema.strict().safeParse(view).error).toBeUndefined();
  });

  it('accept every template, built-in metric and import preset, and the import fields', () => {
    for (const template of TREE_TEMPLATES) TreeTemplateSchema.parse(template);
    for (const metric of BUILT_IN_METRICS) MetricSpecSchema.parse(metric);
    const presets = IMPORT_PRESETS.map(({ key, label, system, entity, description, mapping }) => ({
      key,
      label,
      system,
      entity,
      description,
      mapping,
    }));
    expect(ImportCatalogSchema.parse({ presets, fields: IMPORT_FIELDS }).presets).toHaveLength(
      IMPORT_PRESETS.length,
    );
  });

  it('accept a draft and the changes between two of its versions', () => {
    const before = treeDraft([draftNode('a', 'activities_total')]);
    const after = treeDraft(
      [draftNode('a', 'activities_total'), draftNode('b', 'activities_total')],
      [draftEdge('a', 'b', 'sum')],
    );
    expect(TreeDraftSchema.parse(after)).toEqual(after);
    TreeDraftChangesSchema.parse(diffTreeDrafts(before, after));
  });

  it('keep the extension members of a problem', () => {
    const problem = { type: 'about:blank', title: 'T', status: 409, detail: '', currentVersion: 3 };
    expect(ProblemSchema.parse(problem)).toEqual(problem);
  });

  it('name a described field after the schema it refers to', () => {
    const field = withDescription(PeriodViewSchema, 'The focus period');
    expect(field.meta()).toMatchObject({ id: 'PeriodView', description: 'The focus period' });
    expect(PeriodViewSchema.meta()?.description).toBeUndefined();
  });
});

describe('describes', () => {
  const issue = z.object({
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    field: z.string().optional(),
  });

  it('hands back the schema when its type is the domain type', () => {
    expect(describes<TreeIssue>()(issue)).toBe(issue);
    expectTypeOf(describes<TreeIssue>()(issue)).toEqualTypeOf(issue);
  });

  it('does not compile for a schema that lacks a field, or has one too many', () => {
    // @ts-expect-error the schema has no edgeId
    describes<TreeIssue>()(issue.omit({ edgeId: true }));
    // @ts-expect-error the schema has a field TreeIssue lacks
    describes<TreeIssue>()(issue.extend({ severity: z.string() }));
    // @ts-expect-error a required field where the type has an optional one
    describes<TreeIssue>()(issue.extend({ nodeId: z.string() }));
  });
});
