import type { AgingReport, ContractProfit, CustomerProfit } from '@contracts/money-reports.js';
import type { ListResult } from '@contracts/common.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { AgingReport, ContractProfit, CustomerProfit };

function useReport<T>(name: string, path: string, query: Query) {
  return useQuery({
    queryKey: ['reports', name, query],
    queryFn: () => http.get<T>(path, query),
    placeholderData: keepPreviousData,
  });
}

export const useAging = (q: Query) => useReport<AgingReport>('aging', '/reports/receivables-aging', q);
export const useCustomerProfit = (q: Query) => useReport<ListResult<CustomerProfit>>('profit-customers', '/reports/profit/customers', q);
export const useContractProfit = (q: Query) => useReport<ListResult<ContractProfit>>('profit-contracts', '/reports/profit/contracts', q);
