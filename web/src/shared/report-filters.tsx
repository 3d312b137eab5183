import { Button, Col } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useListParams } from './list-state.js';

type ListParams = ReturnType<typeof useListParams>;

/** The report filter bars' 清除筛选, shown only while a filter is on; clears the given URL keys. */
export function ClearFiltersCol({ lp, keys, active }: { lp: ListParams; keys: string[]; active: boolean }) {
  const { t } = useTranslation();
  if (!active) return null;
  return (
    <Col>
      <Button onClick={() => lp.clear(keys)}>{t('list.clearFilters')}</Button>
    </Col>
  );
}
