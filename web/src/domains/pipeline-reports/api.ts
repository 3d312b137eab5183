import type {
  ForecastAccuracyReport,
  ForecastAdjustment,
  ForecastReport,
  FunnelReport,
  IndustriesReport,
  LeaderboardReport,
  LearnedProbabilities,
  PipelineTotals,
  ReportPipeline,
  ReportSettings,
  SourcesReport,
  StageConversionReport,
} from '@contracts/pipeline-reports.js';
import type { ListResult } from '@contracts/common.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type {
  ForecastAccuracyReport,
  ForecastAdjustment,
  ForecastReport,
  FunnelReport,
  IndustriesReport,
  LeaderboardReport,
  LearnedProbabilities,
  PipelineTotals,
  ReportPipeline,
  ReportSettings,
  SourcesReport,
  StageConversionReport,
};
export type ForecastFigures = ForecastReport['total'][number];

export interface SnapshotRun {
  weekStart: string;
  takenOn: string;
  takenAt: string;
  threshold: number;
  groups: number;
}

function useReport<T>(name: string, path: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: ['reports', name, query],
    queryFn: () => http.get<T>(path, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useForecast = (q: Query) => useReport<ForecastReport>('forecast', '/reports/forecast', q);
export const useForecastAccuracy = (q: Query) => useReport<ForecastAccuracyReport>('accuracy', '/reports/forecast-accuracy', q);
export const usePipelineTotals = (q: Query) => useReport<PipelineTotals>('totals', '/reports/pipeline-totals', q);
export const useFunnel = (q: Query) => useReport<FunnelReport>('funnel', '/reports/funnel', q);
export const useSources = (q: Query) => useReport<SourcesReport>('sources', '/reports/sources', q);
export const useIndustries = (q: Query) => useReport<IndustriesReport>('industries', '/reports/industries', q);
export const useStageConversion = (q: Query) => useReport<StageConversionReport>('conversion', '/reports/stage-conversion', q);
export const useLearnedProbabilities = (q: Query) => useReport<LearnedProbabilities>('learned', '/reports/learned-probabilities', q);
export const useAdjustmentHistory = (q: Query, enabled: boolean) =>
  useReport<ListResult<ForecastAdjustment>>('adjustments', '/reports/forecast/adjustments', q, enabled);
export const useSnapshots = (q: Query) => useReport<ListResult<SnapshotRun>>('snapshots', '/reports/snapshots', q);

export function useReportPipelines() {
  return useQuery({
    queryKey: ['reports', 'pipelines'],
    queryFn: () => http.get<{ items: ReportPipeline[] }>('/reports/pipelines'),
    staleTime: 60_000,
  });
}

export function useReportSettings() {
  return useQuery({ queryKey: ['reports', 'settings'], queryFn: () => http.get<ReportSettings>('/reports/settings') });
}

/** Every write here changes what the reports show: refresh them all. */
function useReportMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }) });
}

export const useCreateAdjustment = () =>
  useReportMutation((body: { departmentId: string; month: string; amount: string | null; note: string }) =>
    http.post<ForecastAdjustment>('/reports/forecast/adjustments', body),
  );
export const useApplyLearned = () =>
  useReportMutation((body: { pipelineId: string; from: string; to: string; minSample: number }) =>
    http.post<LearnedProbabilities>('/reports/learned-probabilities/apply', body),
  );
export const useSaveReportSettings = () => useReportMutation((body: ReportSettings) => http.put<ReportSettings>('/reports/settings', body));
export const useTakeSnapshot = () => useReportMutation(() => http.post<{ ok: true }>('/reports/snapshots'));
