// The client's inferred responses are the contract's types: a route whose response schema
// drifts from the contract fails this file's typecheck (and so the web's).

import type {
  DataHealth,
  DimensionValues,
  Health,
  ImportCatalog,
  ImportRecord,
  ImportResult,
  MetricEntry,
  MetricRangeSeries,
  Problem,
  TreeConflict,
  TreeRecord,
  TreeSummary,
  TreeView,
  Workspace,
} from '@treeline/core';
import type { InferResponseType } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { OkBody, TreelineClient } from './index';

type Api = TreelineClient['api'];
type Ok<Endpoint> = OkBody<Awaited<ReturnType<Extract<Endpoint, (...args: never[]) => unknown>>>>;

describe('the client contract', () => {
  it('types the tree routes with the contract', () => {
    expectTypeOf<Ok<Api['trees']['$get']>>().toEqualTypeOf<{ trees: TreeSummary[] }>();
    expectTypeOf<Ok<Api['trees'][':id']['view']['$get']>>().toEqualTypeOf<TreeView>();
    expectTypeOf<Ok<Api['trees'][':id']['$get']>>().toEqualTypeOf<TreeRecord>();
    expectTypeOf<Ok<Api['trees'][':id']['$put']>>().toEqualTypeOf<TreeRecord>();
    expectTypeOf<
      InferResponseType<Api['trees'][':id']['$put'], 409>
    >().toEqualTypeOf<TreeConflict>();
    // Problem's extension members are `unknown`; over the wire hc narrows them to JSON values.
    expectTypeOf<InferResponseType<Api['trees'][':id']['$put'], 404>>().toExtend<Problem>();
    expectTypeOf<InferResponseType<Api['trees'][':id']['$put'], 404>>().toHaveProperty('title');
  });

  it('types the metric routes with the contract', () => {
    expectTypeOf<Ok<Api['metrics']['$get']>>().toEqualTypeOf<{ metrics: MetricEntry[] }>();
    expectTypeOf<Ok<Api['metrics']['$post']>>().toEqualTypeOf<MetricEntry>();
    expectTypeOf<Ok<Api['metrics'][':key']['series']['$get']>>().toEqualTypeOf<MetricRangeSeries>();
    expectTypeOf<Ok<Api['dimension-values']['$get']>>().toEqualTypeOf<{
      dimensions: DimensionValues[];
    }>();
  });

  it('types the import and workspace routes with the contract', () => {
    expectTypeOf<Ok<Api['import-presets']['$get']>>().toEqualTypeOf<ImportCatalog>();
    expectTypeOf<Ok<Api['imports']['$get']>>().toEqualTypeOf<{ imports: ImportRecord[] }>();
    expectTypeOf<Ok<Api['imports']['$post']>>().toEqualTypeOf<ImportResult>();
    expectTypeOf<Ok<Api['data-health']['$get']>>().toEqualTypeOf<DataHealth>();
    expectTypeOf<Ok<Api['workspace']['$get']>>().toEqualTypeOf<Workspace>();
    expectTypeOf<Ok<Api['health']['$get']>>().toEqualTypeOf<Health>();
  });
});
