import type { Delivery, DueLine, DueWindow, Order, OrderRow, OrderStatus } from '@contracts/orders.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';
import { approvalKeys } from '../approvals/public.js';

export type { Delivery, DueLine, DueWindow, Order, OrderRow, OrderStatus };
export type OrderLine = Order['lines'][number];

// ['orders', id, 'history'] is also the shared history timeline's key.
export const orderKeys = {
  all: ['orders'] as const,
  list: (query: Query) => ['orders', 'list', query] as const,
  detail: (id: string) => ['orders', id] as const,
  due: (window: DueWindow) => ['orders', 'due', window] as const,
};

export interface OrderList {
  items: OrderRow[];
  total: number;
  page: number;
  pageSize: number;
  amountTotal: string;
}

export const useOrders = (query: Query, enabled = true) =>
  useQuery({
    queryKey: orderKeys.list(query),
    queryFn: () => http.get<OrderList>('/orders', query),
    placeholderData: keepPreviousData,
    enabled,
  });

const fetchOrder = (id: string) => http.get<Order>(`/orders/${id}`);

export const useOrder = (id: string | undefined) =>
  useQuery({ queryKey: orderKeys.detail(id ?? ''), queryFn: () => fetchOrder(id as string), enabled: !!id, retry: false });

export const reloadOrder = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: orderKeys.detail(id), queryFn: () => fetchOrder(id), staleTime: 0 });

export interface DueAnswer {
  today: string;
  items: DueLine[];
  total: number;
  counts: Record<DueWindow, number>;
}

export const useDueDeliveries = (window: DueWindow) =>
  useQuery({
    queryKey: orderKeys.due(window),
    queryFn: () => http.get<DueAnswer>('/deliveries/due', { window, pageSize: 200 }),
    placeholderData: keepPreviousData,
  });

/** An order's step reaches its approval, the reminders and the customer's timeline: refresh them all. */
async function afterChange(qc: QueryClient, saved?: Order) {
  if (saved) qc.setQueryData(orderKeys.detail(saved.id), saved);
  await Promise.all([
    qc.invalidateQueries({
      queryKey: orderKeys.all,
      predicate: (q) => !saved || q.queryKey[1] !== saved.id || q.queryKey[2] === 'history',
    }),
    qc.invalidateQueries({ queryKey: approvalKeys.all }),
    qc.invalidateQueries({ queryKey: ['customers'] }),
  ]);
}

export interface OrderLineInput {
  id?: string;
  productId: string;
  quantity: string;
  unitPrice: string;
  requiredDate: string;
  note?: string | null;
}

export interface OrderInput {
  customerId?: string;
  orderDate: string;
  contractId: string | null;
  opportunityId: string | null;
  note: string | null;
  lines: OrderLineInput[];
  version?: number;
}

export function useSaveOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: OrderInput }) =>
      id ? http.patch<Order>(`/orders/${id}`, body) : http.post<Order>('/orders', body),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

/** submit / cancel: answered with the order. */
export function useOrderStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, path, version }: { id: string; path: 'submit' | 'cancel'; version: number }) =>
      http.post<Order>(`/orders/${id}/${path}`, { version }),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

export function useDeleteOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/orders/${id}`),
    onSuccess: () => afterChange(qc),
  });
}

export interface DeliveryInput {
  orderId: string;
  deliveredOn: string;
  carrier: string | null;
  trackingNo: string | null;
  note: string | null;
  lines: { orderLineId: string; quantity: string }[];
}

export function useRecordDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliveryInput) => http.post<Delivery>('/deliveries', body),
    onSuccess: async (d) => afterChange(qc, await reloadOrder(qc, d.orderId)),
  });
}

export function useUndoDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<Order>(`/deliveries/${id}`),
    onSuccess: (saved) => afterChange(qc, saved),
  });
}

/** The customer an order is for, by name (the same answer and key as the customer's page). */
export const useCustomerName = (id: string | undefined) =>
  useQuery({
    queryKey: ['customers', id ?? ''],
    queryFn: () => http.get<{ id: string; name: string }>(`/customers/${id}`),
    enabled: !!id,
    retry: false,
  });

/**
 * Whether the order ever went through approval (the same query and key as the approval panel):
 * without a flow an order is confirmed at submit, and an empty approval card would only puzzle.
 */
export const useHasApproval = (id: string) =>
  useQuery({
    queryKey: approvalKeys.document('order', id),
    queryFn: () => http.get<{ request: unknown }>('/approvals/by-document', { documentType: 'order', documentId: id }),
    select: (d) => d.request !== null,
  });
