import type { AttainmentReport, Target, TargetDetail, TargetType } from '@contracts/targets.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { AttainmentReport, Target, TargetDetail, TargetType };
export type Cell = { userId: string | null; departmentId: string | null; month: number; amount: string };

export const useTargets = (q: Query) =>
  useQuery({
    queryKey: ['targets', 'list', q],
    queryFn: () => http.get<{ items: Target[] }>('/targets', q),
    placeholderData: keepPreviousData,
  });

export const useTarget = (id: string | undefined) =>
  useQuery({ queryKey: ['targets', id], queryFn: () => http.get<TargetDetail>(`/targets/${id}`), enabled: !!id });

export const useAttainment = (q: Query, enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['targets', 'attainment', q],
    queryFn: () => http.get<AttainmentReport>('/targets/attainment', q),
    placeholderData: keepPreviousData,
  });

/** Every change answers the target as it now is; the lists and the report refresh behind it. */
export function useTargetChange<B>(send: (body: B) => Promise<TargetDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (t) => {
      qc.setQueryData(['targets', t.id], t);
      void qc.invalidateQueries({ queryKey: ['targets', 'list'] });
      void qc.invalidateQueries({ queryKey: ['targets', 'attainment'] });
      void qc.invalidateQueries({ queryKey: ['target', t.id, 'history'] });
      void qc.invalidateQueries({ queryKey: ['targets', t.id, 'history'] });
    },
  });
}

export const createTarget = (body: unknown) => http.post<TargetDetail>('/targets', body);
export const saveCells = (id: string, body: unknown) => http.put<TargetDetail>(`/targets/${id}/cells`, body);
export const updateTarget = (id: string, body: unknown) => http.patch<TargetDetail>(`/targets/${id}`, body);
export const proposeSplit = (id: string, body: unknown) => http.post<{ cells: Cell[] }>(`/targets/${id}/split`, body);
export const setLock = (id: string, lock: boolean) => http.post<TargetDetail>(`/targets/${id}/${lock ? 'lock' : 'reopen'}`);
