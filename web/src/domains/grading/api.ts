import type { GradingRules } from '@contracts/grading.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../app/api-client.js';

export type { GradingRules };
export interface GradingRun {
  evaluated: number;
  changed: number;
  inputs: ('contribution' | 'credit' | 'potential')[];
}

const key = ['grading-rules'] as const;

export const useGradingRules = () => useQuery({ queryKey: key, queryFn: () => http.get<GradingRules>('/grading-rules') });

export function useSaveGradingRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: GradingRules) => http.put<GradingRules>('/grading-rules', rules),
    onSuccess: (rules) => qc.setQueryData(key, rules),
  });
}

export function useEvaluateGrades() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<GradingRun>('/grading-rules/evaluate'),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
