/** How the workspace cuts its calendar (time zone, week start, fiscal year), once known. */
import { useQuery } from '@tanstack/react-query';
import type { PeriodOptions } from '@treeline/core';
import { useMemo } from 'react';
import { workspaceQuery } from './queries';

/** @example const options = usePeriodOptions(); options?.timeZone */
export function usePeriodOptions(): PeriodOptions | null {
  const data = useQuery(workspaceQuery()).data;
  return useMemo(
    () =>
      data
        ? {
            timeZone: data.timeZone,
            weekStart: data.weekStart,
            fiscalYearStartMonth: data.fiscalYearStartMonth,
          }
        : null,
    [data],
  );
}
