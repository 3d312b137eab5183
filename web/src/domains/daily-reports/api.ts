import type { DailyDay, DailyReportSettings, DailySectionResult, SectionHead, TeamSummary } from '@contracts/daily-reports.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../app/api-client.js';

export type { DailyDay, DailyReportSettings, DailySectionResult, SectionHead, TeamSummary };
export type TeamRep = TeamSummary['reps'][number];
export type TeamDepartment = TeamSummary['departments'][number];

const keys = {
  all: ['daily-reports'] as const,
  day: (day: string, userId?: string) => ['daily-reports', 'day', day, userId ?? 'me'] as const,
  team: (q: TeamParams) => ['daily-reports', 'team', q] as const,
  settings: ['daily-reports', 'settings'] as const,
};

export interface TeamParams {
  period: 'day' | 'week';
  day: string;
  departmentId?: string;
}

export const useDailyDay = (day: string, userId?: string) =>
  useQuery({
    queryKey: keys.day(day, userId),
    queryFn: () => http.get<DailyDay>('/daily-reports/day', { day, userId }),
    placeholderData: keepPreviousData,
  });

export function useSaveNotes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { day: string; comment: string | null; plan: string | null }) => http.put('/daily-reports/day/notes', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useTeamSummary = (q: TeamParams) =>
  useQuery({
    queryKey: keys.team(q),
    queryFn: () => http.get<TeamSummary>('/daily-reports/team', { ...q }),
    placeholderData: keepPreviousData,
  });

export const useDailySettings = () =>
  useQuery({ queryKey: keys.settings, queryFn: () => http.get<DailyReportSettings>('/daily-reports/settings') });

export function useSaveDailySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DailyReportSettings) => http.put<DailyReportSettings>('/daily-reports/settings', body),
    onSuccess: (data) => qc.setQueryData(keys.settings, data),
  });
}
