import type { ListResult } from '@contracts/common.js';
import type { Opportunity, Pipeline } from '@contracts/opportunities.js';
import type { ExpansionLine } from '@contracts/products.js';
import type { Quote, QuoteLineInput, QuoteSettings, QuoteStatus } from '@contracts/quotes.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';
import { approvalKeys } from '../approvals/public.js';

export type { Quote, QuoteSettings, QuoteStatus };
export type QuoteRow = Omit<Quote, 'lines' | 'can'>;
export type QuoteLine = Quote['lines'][number];

// ['quotes', id, 'history'] is also the shared history timeline's key.
export const quoteKeys = {
  all: ['quotes'] as const,
  list: (query: Query) => ['quotes', 'list', query] as const,
  detail: (id: string) => ['quotes', id] as const,
  settings: ['quote-settings'] as const,
};

export const useQuotes = (query: Query, enabled = true) =>
  useQuery({
    queryKey: quoteKeys.list(query),
    queryFn: () => http.get<ListResult<QuoteRow>>('/quotes', query),
    placeholderData: keepPreviousData,
    enabled,
  });

const fetchQuote = (id: string) => http.get<Quote>(`/quotes/${id}`);

export const useQuote = (id: string | undefined) =>
  useQuery({ queryKey: quoteKeys.detail(id ?? ''), queryFn: () => fetchQuote(id as string), enabled: !!id, retry: false });

export const reloadQuote = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: quoteKeys.detail(id), queryFn: () => fetchQuote(id), staleTime: 0 });

/**
 * A quote's step changes its deal too (accepting sets the amount and may move the stage), its
 * approval and the lists: refresh all of them.
 */
async function afterChange(qc: QueryClient, saved?: Quote) {
  if (saved) qc.setQueryData(quoteKeys.detail(saved.id), saved);
  await Promise.all([
    qc.invalidateQueries({
      queryKey: quoteKeys.all,
      predicate: (q) => !saved || q.queryKey[1] !== saved.id || q.queryKey[2] === 'history',
    }),
    qc.invalidateQueries({ queryKey: ['opportunities'] }),
    qc.invalidateQueries({ queryKey: approvalKeys.all }),
  ]);
}

export interface QuoteInput {
  title?: string | null;
  validUntil: string | null;
  wholeDiscount: string;
  notes: string | null;
  terms: string | null;
  lines: QuoteLineInput[];
}

export function useSaveQuote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: QuoteInput & { opportunityId?: string; version?: number } }) =>
      id ? http.patch<Quote>(`/quotes/${id}`, body) : http.post<Quote>('/quotes', body),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

export type QuoteStep = 'submit' | 'send' | 'accept' | 'customer-reject' | 'revise';

/** submit / send / accept / customer-reject / revise: each takes the version it started from. */
export function useQuoteStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ q, step, extra }: { q: Quote; step: QuoteStep; extra?: Record<string, unknown> }) =>
      http.post<Quote>(`/quotes/${q.id}/${step}`, { version: q.version, ...extra }),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

export function useDeleteQuote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/quotes/${id}`),
    onSuccess: () => afterChange(qc),
  });
}

/** What a catalogue product or bundle (套餐) becomes on a quote: itself, or the bundle's lines at its prices. */
export const expandProduct = (id: string, quantity = '1') =>
  http.get<{ items: ExpansionLine[] }>(`/products/${id}/expand`, { quantity }).then((r) => r.items);

export const useQuoteSettings = (enabled = true) =>
  useQuery({ queryKey: quoteKeys.settings, queryFn: () => http.get<QuoteSettings>('/quote-settings'), staleTime: 60_000, enabled });

export interface QuoteSettingsInput {
  discountLimits?: { roleId: string; maxDiscount: string }[];
  acceptedStages?: { pipelineId: string; stageId: string | null }[];
}

export function useSaveQuoteSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QuoteSettingsInput) => http.put<QuoteSettings>('/quote-settings', body),
    onSuccess: async (saved) => {
      qc.setQueryData(quoteKeys.settings, saved);
      await qc.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

// The deal a quote is for, and the pipelines for the settings page: read straight from their API.
// The opportunities domain shows this domain's card on its page, so importing it back would be a cycle.
export const useDeal = (id: string | undefined) =>
  useQuery({
    queryKey: ['opportunities', id ?? ''],
    queryFn: () => http.get<Opportunity>(`/opportunities/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useOpenDeals = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['opportunities', 'list', { q, status: 'open', pageSize: 20, picker: 'quotes' }],
    queryFn: () => http.get<ListResult<Opportunity>>('/opportunities', { q: q || undefined, status: 'open', pageSize: 20 }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const usePipelineList = () =>
  useQuery({ queryKey: ['pipelines', false], queryFn: () => http.get<{ items: Pipeline[] }>('/pipelines'), staleTime: 60_000 });

/** The PDF's address: `inline` opens it in a tab to print, otherwise the browser saves it. */
export const quotePdfUrl = (id: string, inline = false) => `/api/v1/quotes/${id}/pdf${inline ? '?inline=true' : ''}`;
