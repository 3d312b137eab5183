import type { DashboardResponse } from '@contracts/dashboard.js';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../app/api-client.js';

export type { DashboardResponse };

/** Every card's figures in one request; refreshed every five minutes while the page stays open. */
export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: () => http.get<DashboardResponse>('/dashboard'),
    refetchInterval: 5 * 60_000,
  });
}

/** The same figures as a workbook, one sheet per card, in the user's language. */
export const dashboardXlsxUrl = '/api/v1/dashboard?format=xlsx';
