import type { ListResult } from '@contracts/common.js';
import type { DuplicateMatch, Lead } from '@contracts/leads.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { DuplicateMatch, Lead };

export const leadKeys = { all: ['leads'] as const, list: (scope: 'mine' | 'pool', q: Query) => ['leads', 'list', scope, q] as const };

export function useLeads(scope: 'mine' | 'pool', query: Query) {
  return useQuery({
    queryKey: leadKeys.list(scope, query),
    queryFn: () => http.get<ListResult<Lead>>(scope === 'pool' ? '/pool/leads' : '/leads', query),
    placeholderData: keepPreviousData,
  });
}

export interface PoolRules {
  maxClaimsPerDay: number;
  maxHeld: number;
  reclaimCooldownDays: number;
  /** Departments whose reps see the lead pool (sub-departments included); empty = everyone. */
  departmentIds: string[];
}
export const usePoolRules = () => useQuery({ queryKey: ['pool', 'rules'], queryFn: () => http.get<PoolRules>('/pool/rules') });

/** Every lead action changes lists in both tabs; refresh the whole namespace. */
export function useLeadAction<T>(fn: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: leadKeys.all });
    },
  });
}
