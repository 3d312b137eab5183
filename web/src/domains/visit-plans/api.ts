import type { VisitPlan, visitSummaryRow } from '@contracts/visit-plans.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { http } from '../../app/api-client.js';

export type { VisitPlan };
export type VisitPlanStatus = VisitPlan['status'];
export type VisitSummaryRow = z.infer<typeof visitSummaryRow>;

export interface VisitPlanRange {
  from: string;
  to: string;
  ownerId?: string;
}
export interface VisitSummaryRange {
  from: string;
  to: string;
  groupBy: 'day' | 'week';
}

/** A new plan names its customer (and owner); an edit moves the day, contact or purpose. */
export interface VisitPlanInput {
  planDate: string;
  customerId?: string;
  contactId: string | null;
  purpose: string | null;
  ownerId?: string;
}

export const visitPlanKeys = {
  all: ['visit-plans'] as const,
  list: (range: VisitPlanRange) => ['visit-plans', 'list', range] as const,
  summary: (range: VisitSummaryRange) => ['visit-plans', 'summary', range] as const,
  detail: (id: string) => ['visit-plans', id] as const,
};

export function useVisitPlans(range: VisitPlanRange, enabled = true) {
  return useQuery({
    queryKey: visitPlanKeys.list(range),
    queryFn: () => http.get<{ items: VisitPlan[] }>('/visit-plans', { ...range }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisitSummary(range: VisitSummaryRange, enabled = true) {
  return useQuery({
    queryKey: visitPlanKeys.summary(range),
    queryFn: () =>
      http.get<{ items: VisitSummaryRow[]; idle: { ownerId: string; ownerName: string }[] }>('/visit-plans/summary', { ...range }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const reloadVisitPlan = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: visitPlanKeys.detail(id), queryFn: () => http.get<VisitPlan>(`/visit-plans/${id}`), staleTime: 0 });

/** Plans are on the calendar too, so it is refreshed with them. */
async function afterPlanChange(qc: QueryClient) {
  await Promise.all([qc.invalidateQueries({ queryKey: visitPlanKeys.all }), qc.invalidateQueries({ queryKey: ['calendar'] })]);
}

export function useSaveVisitPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: VisitPlanInput & { version?: number } }) =>
      id ? http.patch<VisitPlan>(`/visit-plans/${id}`, body) : http.post<VisitPlan>('/visit-plans', body),
    onSuccess: () => afterPlanChange(qc),
  });
}

export function useDeleteVisitPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/visit-plans/${id}`),
    onSuccess: () => afterPlanChange(qc),
  });
}
