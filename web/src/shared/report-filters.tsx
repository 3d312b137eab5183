import { Button, Col } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, type useListParams } from './list-state.js';

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

/** A report table's pager, kept in the URL (`page`, `pageSize`); hidden while there is one page. */
export function reportPagination(lp: ListParams, total: number | undefined) {
  return {
    current: lp.page,
    pageSize: lp.pageSize,
    total,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: true,
    hideOnSinglePage: true,
  };
}
