import type { ListResult } from '@contracts/common.js';
import type { Contract, ContractStatus } from '@contracts/contracts.js';
import type { Opportunity } from '@contracts/opportunities.js';
import type { ExpansionLine } from '@contracts/products.js';
import type { Quote, QuoteLineInput } from '@contracts/quotes.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';
import { approvalKeys } from '../approvals/public.js';

export type { Contract, ContractStatus };
export type ContractRow = Omit<Contract, 'lines' | 'amendments' | 'can'>;
export type ContractLine = Contract['lines'][number];
export type Amendment = Contract['amendments'][number];

// ['contracts', id, 'history'] is also the shared history timeline's key.
export const contractKeys = {
  all: ['contracts'] as const,
  list: (query: Query) => ['contracts', 'list', query] as const,
  detail: (id: string) => ['contracts', id] as const,
};

export const useContracts = (query: Query, enabled = true) =>
  useQuery({
    queryKey: contractKeys.list(query),
    queryFn: () => http.get<ListResult<ContractRow>>('/contracts', query),
    placeholderData: keepPreviousData,
    enabled,
  });

const fetchContract = (id: string) => http.get<Contract>(`/contracts/${id}`);

export const useContract = (id: string | undefined) =>
  useQuery({ queryKey: contractKeys.detail(id ?? ''), queryFn: () => fetchContract(id as string), enabled: !!id, retry: false });

export const reloadContract = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: contractKeys.detail(id), queryFn: () => fetchContract(id), staleTime: 0 });

/**
 * A contract's step reaches beyond it: approval wins its deal at the contract's amount, every step
 * writes its approval and the customer's timeline. Refresh all of them.
 */
async function afterChange(qc: QueryClient, saved?: Contract) {
  if (saved) qc.setQueryData(contractKeys.detail(saved.id), saved);
  await Promise.all([
    qc.invalidateQueries({
      queryKey: contractKeys.all,
      predicate: (q) => !saved || q.queryKey[1] !== saved.id || q.queryKey[2] === 'history',
    }),
    qc.invalidateQueries({ queryKey: ['opportunities'] }),
    qc.invalidateQueries({ queryKey: approvalKeys.all }),
  ]);
}

export interface ContractInput {
  title?: string | null;
  signDate: string | null;
  startDate: string | null;
  endDate: string | null;
  paymentTerms: string | null;
  notes: string | null;
  wholeDiscount?: string;
  lines?: QuoteLineInput[];
}

export type CreateContractInput = ContractInput & { quoteId?: string; customerId?: string; opportunityId?: string | null };

export function useSaveContract() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateContractInput & { version?: number } }) =>
      id ? http.patch<Contract>(`/contracts/${id}`, body) : http.post<Contract>('/contracts', body),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

/** Every change on a saved contract (submit, end, progress, amendments) answers with the contract. */
export function useContractStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, path, body }: { id: string; path: string; body?: Record<string, unknown> }) =>
      http.post<Contract>(`/contracts/${id}/${path}`, body ?? {}),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

export function useDeleteContract() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/contracts/${id}`),
    onSuccess: () => afterChange(qc),
  });
}

/** The contract's amount may change by an amendment's approval: the host panels call this after an action. */
export const refreshContract = (qc: QueryClient, id: string) => afterChange(qc, undefined).then(() => reloadContract(qc, id));

// The quote a contract is drafted from, and its deal: read straight from their API. Both domains show
// this domain's card (or link here), so importing them back would be a cycle.
export const useQuoteForContract = (id: string | undefined) =>
  useQuery({ queryKey: ['quotes', id ?? ''], queryFn: () => http.get<Quote>(`/quotes/${id}`), enabled: !!id, retry: false });

export const useDealForContract = (id: string | undefined) =>
  useQuery({
    queryKey: ['opportunities', id ?? ''],
    queryFn: () => http.get<Opportunity>(`/opportunities/${id}`),
    enabled: !!id,
    retry: false,
  });

/** The deal's accepted quote, if any: a contract for the deal starts from it. */
export const useAcceptedQuotes = (opportunityId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['quotes', 'list', { opportunityId, status: 'accepted', pageSize: 5, picker: 'contracts' }],
    queryFn: () => http.get<ListResult<Quote>>('/quotes', { opportunityId, status: 'accepted', pageSize: 5 }),
    enabled,
  });

/** What a catalogue product or bundle (套餐) becomes on a line: itself, or the bundle's lines at its prices. */
export const expandProduct = (id: string) =>
  http.get<{ items: ExpansionLine[] }>(`/products/${id}/expand`, { quantity: '1' }).then((r) => r.items);

/** The customer a contract by hand is for, by name (the same answer and key as the customer's page). */
export const useCustomerName = (id: string | undefined) =>
  useQuery({
    queryKey: ['customers', id ?? ''],
    queryFn: () => http.get<{ id: string; name: string }>(`/customers/${id}`),
    enabled: !!id,
    retry: false,
  });
