import type { calendarEntry } from '@contracts/visit-plans.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { http } from '../../app/api-client.js';

export type CalendarEntry = z.infer<typeof calendarEntry>;
export type CalendarKind = CalendarEntry['kind'];

export interface CalendarRange {
  from: string;
  to: string;
  ownerId?: string;
}

/** Tasks (by due date), planned visits and next follow-up dates between two business dates (≤ 62 days). */
export function useCalendar(range: CalendarRange) {
  return useQuery({
    queryKey: ['calendar', range],
    queryFn: () => http.get<{ items: CalendarEntry[] }>('/calendar', { ...range }),
    placeholderData: keepPreviousData,
  });
}
