import type { ListResult } from '@contracts/common.js';
import type { CUSTOMER_TYPES, Customer } from '@contracts/customers.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { Customer };
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** What the form sends: the create body; an edit adds the version it started from. */
export interface CustomerInput {
  name: string;
  shortName: string | null;
  industry: string | null;
  source: string | null;
  grade: string | null;
  potentialScore: number | null;
  customerType: CustomerType;
  region: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  tags: string[];
  isKey: boolean;
  followUpCycleDays: number | null;
  creditLimit: string | null;
  remarks: string | null;
  ownerId?: string;
}

// ['customers', …] also prefixes the history query (['customers', id, 'history']) of the shared timeline.
export const customerKeys = {
  all: ['customers'] as const,
  lists: () => ['customers', 'list'] as const,
  list: (query: Query) => ['customers', 'list', query] as const,
  detail: (id: string) => ['customers', id] as const,
};

export const fetchCustomer = (id: string) => http.get<Customer>(`/customers/${id}`);

export function useCustomers(query: Query) {
  return useQuery({
    queryKey: customerKeys.list(query),
    queryFn: () => http.get<ListResult<Customer>>('/customers', query),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    queryFn: () => fetchCustomer(id as string),
    enabled: !!id,
  });
}

/** Reads the newest version from the server (after a version conflict) and caches it. */
export const reloadCustomer = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: customerKeys.detail(id), queryFn: () => fetchCustomer(id), staleTime: 0 });

export function useSaveCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CustomerInput & { version?: number } }) =>
      id ? http.patch<Customer>(`/customers/${id}`, body) : http.post<Customer>('/customers', body),
    onSuccess: async (saved, { id }) => {
      const before = id ? qc.getQueryData<Customer>(customerKeys.detail(id)) : undefined;
      qc.setQueryData(customerKeys.detail(saved.id), saved);
      await qc.invalidateQueries({ queryKey: customerKeys.all });
      // A new owner takes the customer's contacts along (server side), so their lists change too.
      if (before && before.ownerId !== saved.ownerId) await qc.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useDeleteCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/customers/${id}`),
    // The deleted customer's own queries are left to expire: asking again would only answer 404.
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: customerKeys.lists() });
      // Its contacts, deals, follow-ups, tasks and visit plans went into the recycle bin with it:
      // every list, the board, the calendar and the reports change.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== customerKeys.all[0] });
    },
  });
}
