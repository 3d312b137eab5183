import { TARGET_TYPES, type TargetType } from '@contracts/targets.js';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyToday } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';

/** Money with ¥; new customers as a plain count. */
export function targetValue(type: TargetType, v: string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return type === 'new_customers' ? String(Number(v)) : formatMoney(v);
}

export const thisYear = () => Number(companyToday().slice(0, 4));

export function TypeSelect(props: SelectProps<TargetType>) {
  const { t } = useTranslation('targets');
  return <Select<TargetType> options={TARGET_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} style={{ width: 140 }} {...props} />;
}

export function YearSelect(props: SelectProps<number>) {
  const y = thisYear();
  return (
    <Select<number> options={[y - 1, y, y + 1, y + 2].map((v) => ({ value: v, label: String(v) }))} style={{ width: 100 }} {...props} />
  );
}
