import type { Locale } from '@contracts/common.js';
import type { PicklistName, PicklistValue } from '@contracts/picklists.js';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../app/api-client.js';

/** All active picklist values, fetched once and shared by every form and table. */
export function usePicklists(includeInactive = false) {
  return useQuery({
    queryKey: ['picklists', includeInactive],
    queryFn: () => http.get<{ items: PicklistValue[] }>('/picklists', { includeInactive: includeInactive ? 'true' : undefined }),
    staleTime: 5 * 60_000,
  });
}

export function usePicklist(list: PicklistName) {
  const { i18n } = useTranslation();
  // Inactive values are still needed to label old records.
  const { data } = usePicklists(true);
  const locale = (i18n.language as Locale) ?? 'zh-CN';
  const values = (data?.items ?? []).filter((v) => v.list === list);
  return {
    options: values.filter((v) => v.active).map((v) => ({ value: v.code, label: v.labels[locale] })),
    label: (code: string | null | undefined) => (code ? (values.find((v) => v.code === code)?.labels[locale] ?? code) : '—'),
  };
}
