import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductKind } from './api.js';

/** 启用 in green, 停用 in grey. */
export function StatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation('products');
  return <Tag color={active ? 'green' : 'default'}>{t(active ? 'status.active' : 'status.inactive')}</Tag>;
}

/** 套餐 stands out; a plain product needs no tag in a list. */
export function KindTag({ kind }: { kind: ProductKind }) {
  const { t } = useTranslation('products');
  return <Tag color={kind === 'bundle' ? 'purple' : 'blue'}>{t(`kind.${kind}`)}</Tag>;
}
