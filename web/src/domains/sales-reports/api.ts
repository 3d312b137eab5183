import type { PriceCandidates, ProductShares, ProductTrend } from '@contracts/sales-reports.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { PriceCandidates, ProductShares, ProductTrend };

function useReport<T>(name: string, path: string, query: Query) {
  return useQuery({
    queryKey: ['reports', name, query],
    queryFn: () => http.get<T>(path, query),
    placeholderData: keepPreviousData,
  });
}

export const useProductShares = (q: Query) => useReport<ProductShares>('product-shares', '/reports/product-sales/shares', q);
export const useProductTrend = (q: Query) => useReport<ProductTrend>('product-trend', '/reports/product-sales/trend', q);
export const usePriceCandidates = (q: Query) =>
  useReport<PriceCandidates>('price-candidates', '/reports/product-sales/price-candidates', q);
