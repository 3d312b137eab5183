import { Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyToday } from '../../shared/dates.js';
import { YearSelect } from './target-labels.js';

/** '2026', '2026-Q3' or '2026-07': the kind, the year and the quarter or month, kept in one string. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t } = useTranslation('targets');
  const year = Number(value.slice(0, 4));
  const kind = value.length === 4 ? 'year' : value[5] === 'Q' ? 'quarter' : 'month';
  const month = Number(companyToday().slice(5, 7));
  const switchKind = (k: string) =>
    onChange(k === 'year' ? `${year}` : k === 'quarter' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${String(month).padStart(2, '0')}`);
  return (
    <Space wrap>
      <Segmented
        value={kind}
        onChange={(k) => switchKind(String(k))}
        options={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`attainment.kinds.${k}`) }))}
        data-testid="period-kind"
      />
      <YearSelect value={year} onChange={(y) => onChange(`${y}${value.slice(4)}`)} aria-label={t('attainment.period')} />
      {kind === 'quarter' && (
        <Select
          value={Number(value[6])}
          onChange={(q) => onChange(`${year}-Q${q}`)}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('attainment.quarter', { q }) }))}
          style={{ width: 110 }}
        />
      )}
      {kind === 'month' && (
        <Select
          value={Number(value.slice(5, 7))}
          onChange={(m) => onChange(`${year}-${String(m).padStart(2, '0')}`)}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('months', { m: i + 1 }) }))}
          style={{ width: 90 }}
          data-testid="period-month"
        />
      )}
    </Space>
  );
}
