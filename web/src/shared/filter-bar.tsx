import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Col, type ColProps, Grid, Input, Row, Select, type SelectProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { useSearchText } from './list-state.js';

export interface FilterBarProps {
  search: ReturnType<typeof useSearchText>;
  searchPlaceholder: string;
  searchTestId?: string;
  searchCol?: ColProps;
  /** How many filters (besides the search) are set: shown on the phone's filter button. */
  activeFilters: number;
  /** Shows "clear filters" when given. */
  onClear?: () => void;
  clearCol?: ColProps;
  /** The filter controls, each in its own <Col>. On a phone they fold behind a "filters" button. */
  children?: ReactNode;
}

/** The search box and filters above every list, the same on every page (wide and phone layouts). */
export function FilterBar({
  search,
  searchPlaceholder,
  searchTestId,
  searchCol = { xs: 24, md: 16, xl: 6 },
  activeFilters,
  onClear,
  clearCol = { xs: 24, sm: 12, md: 6, xl: 3 },
  children,
}: FilterBarProps) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState(false);
  const showFilters = !phone || open;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...searchCol}>
        <div style={{ display: 'flex', gap: 8 }}>
          <Input
            allowClear
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            onPressEnter={() => search.submit(search.text)}
            placeholder={searchPlaceholder}
            maxLength={100}
            data-testid={searchTestId}
          />
          {phone && children && (
            <Badge count={activeFilters} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} type={open ? 'primary' : 'default'} ghost={open}>
                {t('list.filters')}
              </Button>
            </Badge>
          )}
        </div>
      </Col>
      {showFilters && children}
      {showFilters && onClear && (
        <Col {...clearCol}>
          <Button onClick={onClear}>{t('list.clearFilters')}</Button>
        </Col>
      )}
    </Row>
  );
}

/** A multi-choice filter as every list uses it. */
export function MultiFilter<V extends string = string>(props: Omit<SelectProps<V[]>, 'mode'>) {
  return <Select<V[]> mode="multiple" allowClear maxTagCount="responsive" style={{ width: '100%' }} {...props} />;
}

/** A list that did not load: what failed and a reload button. */
export function LoadError({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={error instanceof Error ? error.message : undefined}
      action={<Button onClick={onRetry}>{t('actions.reload')}</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
