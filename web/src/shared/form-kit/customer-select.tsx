import type { ListResult } from '@contracts/common.js';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'> & {
  /** The customer the field holds now: the picker loads the first matches only, so it keeps its name. */
  current?: { id: string; name: string | null } | null;
};

/** Picks one of the customers the user can see, searching the server as they type. */
export function CustomerSelect({ current, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  // Under the customers' list key, so a saved customer refreshes the picker too.
  const { data, isFetching } = useQuery({
    queryKey: ['customers', 'list', { q, pageSize: 20, sort: 'name', picker: true }],
    queryFn: () => http.get<ListResult<{ id: string; name: string }>>('/customers', { q: q || undefined, pageSize: 20, sort: 'name' }),
    staleTime: 30_000,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('form.customerSearch')}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      options={(data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      labelRender={current ? (p) => p.label ?? (p.value === current.id ? current.name : p.value) : undefined}
      {...props}
    />
  );
}
