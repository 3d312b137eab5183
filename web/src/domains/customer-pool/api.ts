import type { ListResult } from '@contracts/common.js';
import type { CustomerPoolRules, PoolCustomer, PoolReason } from '@contracts/customer-pool.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { CustomerPoolRules, PoolCustomer, PoolReason };

const poolKeys = { all: ['customer-pool'] as const, rules: ['customer-pool', 'rules'] as const };

export function usePoolCustomers(query: Query) {
  return useQuery({
    queryKey: [...poolKeys.all, 'list', query],
    queryFn: () => http.get<ListResult<PoolCustomer>>('/pool/customers', query),
    placeholderData: keepPreviousData,
  });
}

export const useCustomerPoolRules = () =>
  useQuery({ queryKey: poolKeys.rules, queryFn: () => http.get<CustomerPoolRules>('/pool/customer-rules') });

/** Claiming and releasing change the pool and the customer lists alike. */
function usePoolAction<T>(fn: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: poolKeys.all }), qc.invalidateQueries({ queryKey: ['customers'] })]);
    },
  });
}

export const useClaimCustomer = () => usePoolAction((id: string) => http.post(`/pool/customers/${id}/claim`));
export const useReleaseCustomer = () =>
  usePoolAction(({ id, note }: { id: string; note?: string }) => http.post(`/customers/${id}/release`, note ? { note } : {}));

export function useSaveCustomerPoolRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: CustomerPoolRules) => http.put<CustomerPoolRules>('/pool/customer-rules', rules),
    onSuccess: (rules) => qc.setQueryData(poolKeys.rules, rules),
  });
}

export const useRunCustomerPoolRules = () =>
  usePoolAction(() => http.post<{ returned: number; warned: number }>('/pool/customer-rules/run'));
