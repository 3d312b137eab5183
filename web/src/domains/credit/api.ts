import type { ListResult } from '@contracts/common.js';
import type { CreditPosition, creditListItemSchema } from '@contracts/credit.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { http, type Query } from '../../app/api-client.js';

export type { CreditPosition };
export type CreditListItem = z.infer<typeof creditListItemSchema>;

export const creditKeys = {
  all: ['credit'] as const,
  customer: (id: string) => ['credit', 'customer', id] as const,
  list: (query: Query) => ['credit', 'list', query] as const,
};

export const useCreditPosition = (customerId: string) =>
  useQuery({ queryKey: creditKeys.customer(customerId), queryFn: () => http.get<CreditPosition>(`/customers/${customerId}/credit`) });

export const useCreditList = (query: Query) =>
  useQuery({
    queryKey: creditKeys.list(query),
    queryFn: () => http.get<ListResult<CreditListItem>>('/credit-limits', query),
    placeholderData: keepPreviousData,
  });

export function useSetCreditLimit(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; creditLimit: string | null }) =>
      http.put<CreditPosition>(`/customers/${customerId}/credit`, body),
    onSuccess: (saved) => {
      qc.setQueryData(creditKeys.customer(customerId), saved);
      void qc.invalidateQueries({ queryKey: ['credit', 'list'] });
      // The limit is the customer's own field, and the change is on its history.
      void qc.invalidateQueries({ queryKey: ['customers', customerId] });
    },
  });
}
