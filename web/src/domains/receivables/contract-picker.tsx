import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEffectiveContracts } from './api.js';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  /** From the contract's own page: that contract, not to be changed. */
  fixed?: { id: string; number: string; title: string };
  onPicked?: () => void;
  testId?: string;
}

/** An effective contract, searched by number or title (a payment or an invoice is recorded against one). */
export function ContractPicker({ value, onChange, fixed, onPicked, testId }: Props) {
  const { t } = useTranslation('receivables');
  const [search, setSearch] = useState<string>();
  const contracts = useEffectiveContracts(search, !fixed);
  if (fixed) return <Select value={fixed.id} disabled options={[{ value: fixed.id, label: `${fixed.number} ${fixed.title}`.trim() }]} />;
  return (
    <Select
      value={value}
      onChange={(v) => {
        onChange?.(v);
        onPicked?.();
      }}
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v || undefined) }}
      placeholder={t('payment.contractPlaceholder')}
      loading={contracts.isFetching}
      options={(contracts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title} · ${c.customerName}` }))}
      data-testid={testId}
    />
  );
}
