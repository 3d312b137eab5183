import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListResult } from '@contracts/common.js';
import { http } from '../../app/api-client.js';
import type { Customer } from './api.js';

/** Picks one of the customers the user can see, searching the server as they type. */
export function CustomerSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'>) {
  const { t } = useTranslation('customers');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, isFetching } = useQuery({
    queryKey: ['customers', 'list', { q, pageSize: 20, sort: 'name', picker: true }],
    queryFn: () => http.get<ListResult<Customer>>('/customers', { q: q || undefined, pageSize: 20, sort: 'name' }),
    staleTime: 30_000,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('list.search')}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      options={(data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      {...props}
    />
  );
}
