import type { ListResult } from '@contracts/common.js';
import type { ContractStatus } from '@contracts/contracts.js';
import type { createInvoiceBody, Invoice } from '@contracts/invoices.js';
import type {
  createPaymentBody,
  overdueInstalmentSchema,
  paymentPlanSchema,
  paymentSchema,
  putPaymentPlanBody,
  splitPlanBody,
  splitPlanResponse,
  uninvoicedContractSchema,
  unpaidContractSchema,
  updatePaymentBody,
} from '@contracts/receivables.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { http, type Query } from '../../app/api-client.js';

export type PaymentPlan = z.infer<typeof paymentPlanSchema>;
export type Instalment = PaymentPlan['instalments'][number];
export type PlanInput = z.input<typeof putPaymentPlanBody>;
export type SplitInput = z.input<typeof splitPlanBody>;
export type Payment = z.infer<typeof paymentSchema>;
export type PaymentInput = z.input<typeof createPaymentBody>;
export type UnpaidContract = z.infer<typeof unpaidContractSchema>;
export type OverdueInstalment = z.infer<typeof overdueInstalmentSchema>;
export type UninvoicedContract = z.infer<typeof uninvoicedContractSchema>;
export type { Invoice };
export type InvoiceInput = z.input<typeof createInvoiceBody>;

export const receivableKeys = {
  all: ['receivables'] as const,
  plan: (contractId: string) => ['receivables', 'plan', contractId] as const,
  payments: (query: Query) => ['receivables', 'payments', query] as const,
  unpaid: (query: Query) => ['receivables', 'unpaid', query] as const,
  overdue: (query: Query) => ['receivables', 'overdue', query] as const,
  uninvoiced: (query: Query) => ['receivables', 'uninvoiced', query] as const,
  invoices: (query: Query) => ['receivables', 'invoices', query] as const,
};

export const usePaymentPlan = (contractId: string, enabled = true) =>
  useQuery({
    queryKey: receivableKeys.plan(contractId),
    queryFn: () => http.get<PaymentPlan>(`/contracts/${contractId}/payment-plan`),
    enabled: enabled && !!contractId,
  });

export const usePayments = (query: Query, enabled = true) =>
  useQuery({
    queryKey: receivableKeys.payments(query),
    queryFn: () => http.get<ListResult<Payment>>('/payments', query),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useUnpaidContracts = (query: Query) =>
  useQuery({
    queryKey: receivableKeys.unpaid(query),
    queryFn: () => http.get<ListResult<UnpaidContract>>('/receivables/unpaid', query),
    placeholderData: keepPreviousData,
  });

export const useOverdueInstalments = (query: Query) =>
  useQuery({
    queryKey: receivableKeys.overdue(query),
    queryFn: () => http.get<ListResult<OverdueInstalment>>('/receivables/overdue', query),
    placeholderData: keepPreviousData,
  });

export const useUninvoicedContracts = (query: Query) =>
  useQuery({
    queryKey: receivableKeys.uninvoiced(query),
    queryFn: () => http.get<ListResult<UninvoicedContract>>('/receivables/uninvoiced', query),
    placeholderData: keepPreviousData,
  });

export const useInvoices = (query: Query, enabled = true) =>
  useQuery({
    queryKey: receivableKeys.invoices(query),
    queryFn: () => http.get<ListResult<Invoice>>('/invoices', query),
    placeholderData: keepPreviousData,
    enabled,
  });

/**
 * Money in or a plan changed: every receivable list, the plans, and the customer's timeline (a
 * collection is on it) may show something else now.
 */
const afterChange = (qc: QueryClient) =>
  Promise.all([qc.invalidateQueries({ queryKey: receivableKeys.all }), qc.invalidateQueries({ queryKey: ['customers'] })]);

export function useSavePlan(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => http.put<PaymentPlan>(`/contracts/${contractId}/payment-plan`, body),
    onSuccess: (plan) => {
      qc.setQueryData(receivableKeys.plan(contractId), plan);
      return afterChange(qc);
    },
  });
}

/** The even split the server proposes (not saved): odd fen on the last instalment. */
export const proposeSplit = (contractId: string, body: SplitInput) =>
  http.post<z.infer<typeof splitPlanResponse>>(`/contracts/${contractId}/payment-plan/split`, body);

export function useCreatePayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentInput) => http.post<Payment>('/payments', body),
    onSuccess: () => afterChange(qc),
  });
}

export function useConfirmPayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.post<Payment>(`/payments/${id}/confirm`),
    onSuccess: () => afterChange(qc),
  });
}

export type PaymentUpdate = z.input<typeof updatePaymentBody>;

export function useUpdatePayment() {
  const qc = useQueryClient();
  return useMutation({
    // A rejected one is corrected and sent to finance again in one step (resubmit).
    mutationFn: ({ id, body, resubmit }: { id: string; body: PaymentUpdate; resubmit?: boolean }) =>
      resubmit ? http.post<Payment>(`/payments/${id}/resubmit`, body) : http.patch<Payment>(`/payments/${id}`, body),
    onSuccess: () => afterChange(qc),
  });
}

/** The latest version after a 409, so a correction can start again from it. */
export const reloadPayment = (id: string) => http.get<Payment>(`/payments/${id}`);

/** Finance says no to an expected payment, with the reason: it reserves nothing any more. */
export function useRejectPayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => http.post<Payment>(`/payments/${id}/reject`, { reason }),
    onSuccess: () => afterChange(qc),
  });
}

export function useDeletePayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/payments/${id}`),
    onSuccess: () => afterChange(qc),
  });
}

export function useCreateInvoice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceInput) => http.post<Invoice>('/invoices', body),
    onSuccess: () => afterChange(qc),
  });
}

export function useDeleteInvoice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/invoices/${id}`),
    onSuccess: () => afterChange(qc),
  });
}

/** An effective contract to take a payment for, as the payment form's picker lists it. */
export interface ContractOption {
  id: string;
  number: string;
  title: string;
  customerName: string;
  amount: string;
  status: ContractStatus;
}

export const useEffectiveContracts = (q: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['contracts', 'list', { status: 'effective', q, pageSize: 20, picker: 'receivables' }],
    queryFn: () => http.get<ListResult<ContractOption>>('/contracts', { status: 'effective', q, pageSize: 20, sort: '-updatedAt' }),
    placeholderData: keepPreviousData,
    enabled,
  });
