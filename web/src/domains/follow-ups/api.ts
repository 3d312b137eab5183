import type { ListResult } from '@contracts/common.js';
import type { DueCustomer, FOLLOW_UP_TYPES, FollowUp, TimelineItem } from '@contracts/follow-ups.js';
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { DueCustomer, FollowUp, TimelineItem };
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

/** What the quick form sends; an edit adds the version it started from and leaves the customer alone. */
export interface FollowUpInput {
  type: FollowUpType;
  content: string;
  outcome: string | null;
  contactId?: string | null;
  /** The deal the follow-up is about (same customer). */
  opportunityId?: string | null;
  nextFollowUpDate: string | null;
  occurredAt?: string;
}

// The due list and a customer's timeline sit under ['customers', …]: saving a customer (key flag,
// cycle, owner) refreshes them along with the customer itself.
export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (query: Query) => ['follow-ups', 'list', query] as const,
  detail: (id: string) => ['follow-ups', id] as const,
  due: () => ['customers', 'due-for-follow-up'] as const,
  dueList: (query: Query) => ['customers', 'due-for-follow-up', query] as const,
  timeline: (customerId: string) => ['customers', customerId, 'timeline'] as const,
};

export function useFollowUps(query: Query) {
  return useQuery({
    queryKey: followUpKeys.list(query),
    queryFn: () => http.get<ListResult<FollowUp>>('/follow-ups', query),
    placeholderData: keepPreviousData,
  });
}

const fetchFollowUp = (id: string) => http.get<FollowUp>(`/follow-ups/${id}`);
export const reloadFollowUp = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: followUpKeys.detail(id), queryFn: () => fetchFollowUp(id), staleTime: 0 });

/** A follow-up changes its customer's timeline, every follow-up list, the due list, (visits, next dates) the plans and calendar, and its deal. */
async function afterFollowUpChange(qc: QueryClient, customerId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: followUpKeys.all }),
    qc.invalidateQueries({ queryKey: followUpKeys.timeline(customerId) }),
    qc.invalidateQueries({ queryKey: followUpKeys.due() }),
    qc.invalidateQueries({ queryKey: ['visit-plans'] }),
    qc.invalidateQueries({ queryKey: ['calendar'] }),
    // A follow-up on a deal moves its "last follow-up" and may end its stalled flag.
    qc.invalidateQueries({ queryKey: ['opportunities'] }),
  ]);
}

export function useSaveFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: FollowUpInput & { customerId?: string; version?: number } }) =>
      id ? http.patch<FollowUp>(`/follow-ups/${id}`, body) : http.post<FollowUp>('/follow-ups', body),
    onSuccess: async (saved) => {
      qc.setQueryData(followUpKeys.detail(saved.id), saved);
      await afterFollowUpChange(qc, saved.customerId);
    },
  });
}

export function useDeleteFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (f: FollowUp) => http.delete<{ ok: true }>(`/follow-ups/${f.id}`),
    onSuccess: (_ok, f) => afterFollowUpChange(qc, f.customerId),
  });
}

export function useDueCustomers(query: Query) {
  return useQuery({
    queryKey: followUpKeys.dueList(query),
    queryFn: () => http.get<ListResult<DueCustomer>>('/customers/due-for-follow-up', query),
    placeholderData: keepPreviousData,
  });
}

export interface TimelinePage {
  items: TimelineItem[];
  /** Every item type the server can show, for the filter chips. */
  types: string[];
}
export const TIMELINE_PAGE = 20;

/** C8: a customer's story, newest first, paged backwards in time with `before`. */
export function useCustomerTimeline(customerId: string, types: string[]) {
  return useInfiniteQuery({
    queryKey: [...followUpKeys.timeline(customerId), types],
    queryFn: ({ pageParam }) => http.get<TimelinePage>(`/customers/${customerId}/timeline`, { types, ...pageParam, limit: TIMELINE_PAGE }),
    initialPageParam: {} as { before?: string; beforeKey?: string },
    getNextPageParam: (last) => {
      if (last.items.length < TIMELINE_PAGE) return undefined;
      const tail = last.items[last.items.length - 1];
      return { before: tail.at, beforeKey: `${tail.type}:${tail.id}` };
    },
    placeholderData: keepPreviousData,
  });
}
