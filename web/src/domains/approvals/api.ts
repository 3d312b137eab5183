import type {
  ApprovalRequest,
  approvalList,
  approvalRowSchema,
  delegationSchema,
  Flow,
  FlowDefinition,
  RequestStatus,
} from '@contracts/approvals.js';
import type { NumberReset, NumberSeries } from '@contracts/numbering.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { http, type Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';

export type { ApprovalRequest, Flow, FlowDefinition, NumberSeries, RequestStatus };
export type ApprovalRow = z.infer<typeof approvalRowSchema>;
export type ApprovalList = z.infer<typeof approvalList>;
export type Delegation = z.infer<typeof delegationSchema>;
export type ApprovalBox = 'todo' | 'submitted' | 'done';

// Everything under ['approvals', …] is refreshed after any decision: the lists, the menu's count, the
// request page and every document's panel (['approvals', 'document', type, id]).
export const approvalKeys = {
  all: ['approvals'] as const,
  list: (query: Query) => ['approvals', 'list', query] as const,
  todoCount: ['approvals', 'todo-count'] as const,
  detail: (id: string) => ['approvals', 'request', id] as const,
  document: (documentType: string, documentId: string) => ['approvals', 'document', documentType, documentId] as const,
  flows: ['approval-flows'] as const,
  series: ['number-series'] as const,
  delegations: ['approval-delegations'] as const,
};

export function useApprovalBox(query: Query) {
  return useQuery({
    queryKey: approvalKeys.list(query),
    queryFn: () => http.get<ApprovalList>('/approvals', query),
    placeholderData: keepPreviousData,
  });
}

/** How many requests wait on me: the menu's badge, refreshed every minute (decisions elsewhere invalidate it at once). */
export function useTodoCount() {
  return useQuery({
    queryKey: approvalKeys.todoCount,
    queryFn: () => http.get<ApprovalList>('/approvals', { box: 'todo', pageSize: 1 }),
    select: (d) => d.todoCount,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useApprovalRequest(id: string | undefined) {
  return useQuery({
    queryKey: approvalKeys.detail(id ?? ''),
    queryFn: () => http.get<ApprovalRequest>(`/approvals/${id}`),
    enabled: !!id,
    retry: false,
  });
}

/** The newest request of a document, or null when it was never submitted. */
export function useDocumentApproval(documentType: string, documentId: string) {
  return useQuery({
    queryKey: approvalKeys.document(documentType, documentId),
    queryFn: () => http.get<{ request: ApprovalRequest | null }>('/approvals/by-document', { documentType, documentId }),
    select: (d) => d.request,
    enabled: !!documentType && !!documentId,
  });
}

export type ApprovalAction =
  | { kind: 'approve'; comment?: string | null }
  | { kind: 'reject'; comment: string }
  | { kind: 'withdraw'; comment?: string | null }
  | { kind: 'comment'; comment: string }
  | { kind: 'reassign'; taskId: string; userId: string; comment?: string | null };

/** One decision on a request; the answer is the request as it now stands. */
export function useApprovalAction(requestId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: ApprovalAction) => http.post<ApprovalRequest>(`/approvals/${requestId}/${kind}`, body),
    onSuccess: (r) => {
      qc.setQueryData(approvalKeys.detail(r.id), r);
      // The document's own status changed too (in approval → approved / draft): its page refetches via onChange.
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
    },
    // 409 (someone else decided first) and 404 (reassigned away): show the request as it now is.
    onError: () => void qc.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}

/** Flows need approval_flows:view; without it the query stays idle. */
export function useFlows() {
  const { can } = useAuth();
  return useQuery({
    queryKey: approvalKeys.flows,
    queryFn: () => http.get<{ items: Flow[] }>('/approval-flows'),
    enabled: can('approval_flows', 'view'),
    staleTime: 60_000,
  });
}

export function useSaveFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ documentType, definition }: { documentType: string; definition: FlowDefinition }) =>
      http.put<Flow>(`/approval-flows/${documentType}`, { definition }),
    onSuccess: (saved) =>
      qc.setQueryData<{ items: Flow[] }>(approvalKeys.flows, (old) =>
        old ? { items: old.items.map((f) => (f.documentType === saved.documentType ? saved : f)) } : old,
      ),
  });
}

export function useNumberSeries() {
  const { can } = useAuth();
  return useQuery({
    queryKey: approvalKeys.series,
    queryFn: () => http.get<{ items: NumberSeries[] }>('/number-series'),
    enabled: can('approval_flows', 'view'),
  });
}

export function useSaveNumberSeries() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; pattern: string; reset: NumberReset }) =>
      http.put<NumberSeries>(`/number-series/${key}`, body),
    onSuccess: (saved) =>
      qc.setQueryData<{ items: NumberSeries[] }>(approvalKeys.series, (old) =>
        old ? { items: old.items.map((s) => (s.key === saved.key ? saved : s)) } : old,
      ),
  });
}

export function useDelegations() {
  return useQuery({
    queryKey: approvalKeys.delegations,
    queryFn: () => http.get<{ items: Delegation[] }>('/approval-delegations'),
  });
}

export function useCreateDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { delegateId: string; startsOn: string; endsOn: string }) =>
      http.post<{ items: Delegation[] }>('/approval-delegations', body),
    onSuccess: (list) => {
      qc.setQueryData(approvalKeys.delegations, list);
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
    },
  });
}

export function useRevokeDelegation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/approval-delegations/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: approvalKeys.delegations });
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
    },
  });
}
