import type { TimelinessFixes, TimelinessReport, TimelinessSettings } from '@contracts/data-timeliness.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { TimelinessFixes, TimelinessReport, TimelinessSettings };

export const useTimeliness = (q: Query) =>
  useQuery({
    queryKey: ['reports', 'data-timeliness', q],
    queryFn: () => http.get<TimelinessReport>('/reports/data-timeliness', q),
    placeholderData: keepPreviousData,
  });

export const useTimelinessFixes = (q: Query) =>
  useQuery({
    queryKey: ['reports', 'data-timeliness-fixes', q],
    queryFn: () => http.get<TimelinessFixes>('/reports/data-timeliness/fixes', q),
    placeholderData: keepPreviousData,
  });

export function useSaveTimelinessSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: TimelinessSettings) => http.put<TimelinessSettings>('/reports/data-timeliness/settings', s),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}
