import type { Opportunity } from '@contracts/opportunities.js';
import { Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { useOpenDeals } from './api.js';

/** A new quote started from the quote list: the open opportunity it is for, searched by name. */
export function DealPicker({
  value,
  current,
  onChange,
}: {
  value: string | undefined;
  /** The chosen deal, so its name shows before the search has loaded it. */
  current?: Opportunity;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('quotes');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, isFetching } = useOpenDeals(q, open || !value);
  const items = [...(data?.items ?? [])];
  if (current && !items.some((o) => o.id === current.id)) items.unshift(current);
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      onOpenChange={setOpen}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('editor.dealPlaceholder')}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      options={items.map((o) => ({ value: o.id, label: `${o.name}（${o.customerName}）`, deal: o }))}
      optionRender={(o) => {
        const d = (o.data as { deal: Opportunity }).deal;
        return (
          <Space size={8}>
            <span>{d.name}</span>
            <Typography.Text type="secondary">{d.customerName}</Typography.Text>
            <Typography.Text type="secondary">{formatMoney(d.amount)}</Typography.Text>
          </Space>
        );
      }}
      data-testid="quote-deal"
    />
  );
}
