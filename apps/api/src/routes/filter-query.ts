/** Reads a dimension filter from the query string: `filter[team]=A&filter[segment]=smb`. */
import { DomainError, knownDimensions } from '@treeline/core';

const FILTER_PARAM = /^filter\[(.*)\]$/;

/**
 * The `filter[<dimension>]=<value>` parameters of a URL (OpenAPI deepObject style); a
 * dimension given twice is a 400.
 *
 * @example filterFromQuery('http://x/api/trees/1/view?filter[team]=A') // { team: 'A' }
 */
export function filterFromQuery(url: string): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) {
    const match = FILTER_PARAM.exec(name);
    if (!match) continue;
    const dimension = match[1]!;
    if (dimension === '') {
      throw new DomainError(
        'validation',
        'filter: write filter[<dimension>]=<value>, e.g. filter[team]=A',
      );
    }
    if (Object.hasOwn(filter, dimension)) {
      throw new DomainError('validation', `filter[${dimension}]: give each dimension once`);
    }
    filter[dimension] = value;
  }
  return filter;
}

/** The OpenAPI description of the filter parameters, for routes that read them. */
export const FILTER_QUERY_DESCRIPTION = `Filter with \`filter[<dimension>]=<value>\` (repeatable, one value per dimension): e.g. \`filter[team]=A&filter[segment]=smb\`. Dimensions: ${knownDimensions().join(', ')}.`;
