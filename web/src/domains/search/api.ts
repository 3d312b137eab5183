import type { SearchHit } from '@contracts/notes.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from '../../app/api-client.js';

export type { SearchHit };
export interface SearchGroup {
  type: string;
  hits: SearchHit[];
  more: boolean;
}

export function useSearch(q: string, opts: { limit?: number; types?: string } = {}) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query, opts],
    queryFn: () => http.get<{ groups: SearchGroup[] }>('/search', { q: query, limit: opts.limit ?? 5, types: opts.types }),
    enabled: [...query].length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
