import type { ListResult } from '@contracts/common.js';
import type { Expense, ExpenseReport, ExpenseRow, ExpenseStatus } from '@contracts/expenses.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';
import { approvalKeys } from '../approvals/public.js';

export type { Expense, ExpenseReport, ExpenseRow, ExpenseStatus };

// ['expenses', id, 'history'] is also the shared history timeline's key.
export const expenseKeys = {
  all: ['expenses'] as const,
  list: (query: Query) => ['expenses', 'list', query] as const,
  detail: (id: string) => ['expenses', id] as const,
  summary: (customerId: string) => ['expenses', 'summary', customerId] as const,
  report: (query: Query) => ['expenses', 'report', query] as const,
};

export const useExpenses = (query: Query, enabled = true) =>
  useQuery({
    queryKey: expenseKeys.list(query),
    queryFn: () => http.get<ListResult<ExpenseRow>>('/expenses', query),
    placeholderData: keepPreviousData,
    enabled,
  });

const fetchExpense = (id: string) => http.get<Expense>(`/expenses/${id}`);

export const useExpense = (id: string | undefined) =>
  useQuery({ queryKey: expenseKeys.detail(id ?? ''), queryFn: () => fetchExpense(id as string), enabled: !!id, retry: false });

export const reloadExpense = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: expenseKeys.detail(id), queryFn: () => fetchExpense(id), staleTime: 0 });

/** A claim's step changes its lists, the customer's cost, the statistics, the approvals and the customer's timeline. */
export async function afterExpenseChange(qc: QueryClient, saved?: Expense) {
  if (saved) qc.setQueryData(expenseKeys.detail(saved.id), saved);
  await Promise.all([
    qc.invalidateQueries({
      queryKey: expenseKeys.all,
      predicate: (q) => !saved || q.queryKey[1] !== saved.id || q.queryKey[2] === 'history',
    }),
    qc.invalidateQueries({ queryKey: approvalKeys.all }),
    qc.invalidateQueries({ queryKey: ['customers'] }),
  ]);
}

export interface ExpenseInput {
  customerId?: string;
  category: string;
  amount: string;
  spentOn: string;
  description: string;
  opportunityId: string | null;
  contractId: string | null;
}

export function useSaveExpense() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ExpenseInput & { version?: number } }) =>
      id ? http.patch<Expense>(`/expenses/${id}`, body) : http.post<Expense>('/expenses', body),
    onSuccess: (saved) => afterExpenseChange(qc, saved),
  });
}

/** submit / withdraw: both answer with the claim. */
export function useExpenseStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, path, version }: { id: string; path: 'submit' | 'withdraw'; version: number }) =>
      http.post<Expense>(`/expenses/${id}/${path}`, { version }),
    onSuccess: (saved) => afterExpenseChange(qc, saved),
  });
}

export function useDeleteExpense() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/expenses/${id}`),
    onSuccess: () => afterExpenseChange(qc),
  });
}

export interface CustomerExpenseSummary {
  customerId: string;
  approved: string;
  approvedCount: number;
  pending: string;
  pendingCount: number;
}

export const useCustomerExpenseSummary = (customerId: string) =>
  useQuery({
    queryKey: expenseKeys.summary(customerId),
    queryFn: () => http.get<CustomerExpenseSummary>(`/customers/${customerId}/expense-summary`),
  });

export const useExpenseReport = (query: Query) =>
  useQuery({
    queryKey: expenseKeys.report(query),
    queryFn: () => http.get<ExpenseReport>('/expense-reports/summary', query),
    placeholderData: keepPreviousData,
  });

// The customer's deals and contracts a claim may name: read straight from their API (those domains
// show nothing of this one, but a picker needs only id and name).
export const useCustomerDeals = (customerId: string | undefined) =>
  useQuery({
    queryKey: ['opportunities', 'list', { customerId, pageSize: 100, picker: 'expenses' }],
    queryFn: () => http.get<ListResult<{ id: string; name: string }>>('/opportunities', { customerId, pageSize: 100 }),
    enabled: !!customerId,
  });

export const useCustomerContracts = (customerId: string | undefined) =>
  useQuery({
    queryKey: ['contracts', 'list', { customerId, pageSize: 100, picker: 'expenses' }],
    queryFn: () => http.get<ListResult<{ id: string; number: string; title: string }>>('/contracts', { customerId, pageSize: 100 }),
    enabled: !!customerId,
  });
