import type { ListResult } from '@contracts/common.js';
import type { HistoryEntry } from '@contracts/common.js';
import type { Board, BoardCard, Opportunity, OpportunitySettings, Pipeline, StageHistory } from '@contracts/opportunities.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { Board, BoardCard, Opportunity, OpportunitySettings, Pipeline };

// ['opportunities', id, 'history'] is also the shared history timeline's key.
export const opportunityKeys = {
  all: ['opportunities'] as const,
  board: (query: Query) => ['opportunities', 'board', query] as const,
  list: (query: Query) => ['opportunities', 'list', query] as const,
  detail: (id: string) => ['opportunities', id] as const,
  history: (id: string) => ['opportunities', id, 'history'] as const,
};

export const usePipelines = (includeInactive = false) =>
  useQuery({
    queryKey: ['pipelines', includeInactive],
    queryFn: () => http.get<{ items: Pipeline[] }>('/pipelines', { includeInactive: includeInactive ? 'true' : undefined }),
    staleTime: 60_000,
  });

export const useBoard = (query: Query) =>
  useQuery({
    queryKey: opportunityKeys.board(query),
    queryFn: () => http.get<Board>('/opportunities/board', query),
    placeholderData: keepPreviousData,
  });

export const useOpportunities = (query: Query, enabled = true) =>
  useQuery({
    queryKey: opportunityKeys.list(query),
    queryFn: () => http.get<ListResult<Opportunity>>('/opportunities', query),
    placeholderData: keepPreviousData,
    enabled,
  });

export const fetchOpportunity = (id: string) => http.get<Opportunity>(`/opportunities/${id}`);

export const useOpportunity = (id: string | undefined) =>
  useQuery({ queryKey: opportunityKeys.detail(id ?? ''), queryFn: () => fetchOpportunity(id as string), enabled: !!id });

export const reloadOpportunity = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: opportunityKeys.detail(id), queryFn: () => fetchOpportunity(id), staleTime: 0 });

export const useOpportunityHistory = (id: string) =>
  useQuery({
    queryKey: opportunityKeys.history(id),
    queryFn: () => http.get<{ items: HistoryEntry[]; stages: StageHistory['items'] }>(`/opportunities/${id}/history`),
  });

export interface OpportunityInput {
  customerId?: string;
  name: string;
  amount: string;
  currency?: string;
  pipelineId?: string;
  stageId?: string;
  probability?: number;
  expectedCloseDate: string | null;
  source: string | null;
  competitors: string | null;
  nextStep: string | null;
  forecastCategory: Opportunity['forecastCategory'];
  description: string | null;
  contacts: { contactId: string; role: string | null }[];
  ownerId?: string;
}

/** Saving or moving changes the board, the lists, the reports and the customer's timeline alike. */
async function invalidateAll(qc: QueryClient) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: opportunityKeys.all }),
    qc.invalidateQueries({ queryKey: ['reports'] }),
    qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'customers' && q.queryKey[2] === 'timeline' }),
  ]);
}

export function useSaveOpportunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: OpportunityInput & { version?: number } }) =>
      id ? http.patch<Opportunity>(`/opportunities/${id}`, body) : http.post<Opportunity>('/opportunities', body),
    onSuccess: async (saved) => {
      qc.setQueryData(opportunityKeys.detail(saved.id), saved);
      await invalidateAll(qc);
    },
  });
}

export interface MoveInput {
  id: string;
  stageId: string;
  version: number;
  probability?: number;
  lostReason?: string;
  lostNote?: string | null;
}

export function useMoveStage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveInput) => http.post<Opportunity>(`/opportunities/${id}/stage`, body),
    onSuccess: async (saved) => {
      qc.setQueryData(opportunityKeys.detail(saved.id), saved);
      await invalidateAll(qc);
    },
  });
}

export function useDeleteOpportunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/opportunities/${id}`),
    onSuccess: () => invalidateAll(qc),
  });
}

export const useOpportunitySettings = () =>
  useQuery({ queryKey: ['opportunity-settings'], queryFn: () => http.get<OpportunitySettings>('/opportunity-settings') });

export interface PipelineInput {
  name: string;
  isDefault?: boolean;
  active?: boolean;
  version?: number;
  stages: {
    id?: string;
    labels: { 'zh-CN': string; 'zh-TW'?: string; en?: string };
    kind: 'open' | 'won' | 'lost';
    probability: number;
    minProbability?: number;
    maxProbability?: number;
    stalledAfterDays?: number | null;
  }[];
}

export function useSavePipeline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: PipelineInput }) =>
      id ? http.put<Pipeline>(`/pipelines/${id}`, body) : http.post<Pipeline>('/pipelines', body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['pipelines'] });
      await invalidateAll(qc);
    },
  });
}

export function useSaveOpportunitySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpportunitySettings) => http.put<OpportunitySettings>('/opportunity-settings', body),
    onSuccess: async (saved) => {
      qc.setQueryData(['opportunity-settings'], saved);
      await qc.invalidateQueries({ queryKey: opportunityKeys.all });
    },
  });
}
