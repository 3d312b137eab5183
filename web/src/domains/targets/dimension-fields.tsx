import { PRODUCT_TARGET_TYPES, type TargetDimension, type TargetType } from '@contracts/targets.js';
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CategorySelect } from '../products/public.js';

/** 不细分 / 按产品分类 (signed amounts only) / 按地区. */
export function DimensionKindSelect({
  type,
  value,
  onChange,
  ...rest
}: {
  type: TargetType | undefined;
  value?: TargetDimension | null;
  onChange?: (v: TargetDimension | null) => void;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation('targets');
  const kinds: (TargetDimension | 'none')[] = [
    'none',
    ...(type && PRODUCT_TARGET_TYPES.includes(type) ? ['product_category' as const] : []),
    'region',
  ];
  return (
    <Select<TargetDimension | 'none'>
      value={value ?? 'none'}
      onChange={(v) => onChange?.(v === 'none' ? null : v)}
      options={kinds.map((k) => ({ value: k, label: t(k === 'none' ? 'dimension.none' : `dimension.${k}`) }))}
      style={{ width: 130 }}
      aria-label={t('dimension.label')}
      {...rest}
    />
  );
}

/** The category (from the catalogue tree) or the region (typed, as customers carry it). */
export function DimensionValueInput({
  kind,
  value,
  onChange,
  id,
}: {
  kind: TargetDimension | null | undefined;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation('targets');
  if (kind === 'product_category')
    return (
      <CategorySelect
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v)}
        placeholder={t('dimension.categoryPlaceholder')}
        style={{ minWidth: 180 }}
      />
    );
  if (kind === 'region')
    return (
      <Input
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange?.(e.target.value || undefined)}
        placeholder={t('dimension.regionPlaceholder')}
        maxLength={100}
        style={{ width: 200 }}
      />
    );
  return null;
}
