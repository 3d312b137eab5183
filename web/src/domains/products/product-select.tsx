import type { ListResult } from '@contracts/common.js';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { formatMoney } from '../../shared/format.js';
import type { Product, ProductKind } from './api.js';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch' | 'onSelect'> & {
  /** Only plain products (a bundle's lines) or only bundles; both when absent. */
  kind?: ProductKind;
  /** The product the field holds now: the picker loads the first matches only, so it keeps its name. */
  current?: { id: string; code: string; name: string } | null;
  /** The chosen product, for prices and units. */
  onPick?: (product: Product) => void;
};

/** Picks an active product of the catalogue by code or name, searching the server as the user types. */
export function ProductSelect({ kind, current, onPick, ...props }: Props) {
  const { t } = useTranslation('products');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const query = { q: q || undefined, kind, active: 'true', pageSize: 20, sort: 'code' };
  // Under the products' list key, so a saved product refreshes the picker too.
  const { data, isFetching } = useQuery({
    queryKey: ['products', 'list', { ...query, picker: true }],
    queryFn: () => http.get<ListResult<Product>>('/products', query),
    staleTime: 30_000,
  });
  const items = data?.items ?? [];
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('bundle.productPlaceholder')}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      popupMatchSelectWidth={false}
      options={items.map((p) => ({
        value: p.id,
        label: `${p.code} ${p.name}`,
        title: `${p.code} ${p.name}`,
        product: p,
      }))}
      optionRender={(o) => {
        const p = (o.data as { product: Product }).product;
        return (
          <Space size={8}>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            <span>{p.name}</span>
            {p.specification && <Typography.Text type="secondary">{p.specification}</Typography.Text>}
            <Typography.Text type="secondary">
              {formatMoney(p.listPrice)}/{p.unit}
            </Typography.Text>
          </Space>
        );
      }}
      labelRender={current ? (o) => o.label ?? (o.value === current.id ? `${current.code} ${current.name}` : o.value) : undefined}
      onSelect={(id: string) => {
        const p = items.find((x) => x.id === id);
        if (p) onPick?.(p);
      }}
      {...props}
    />
  );
}
