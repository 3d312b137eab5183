import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Grid, Popconfirm, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import {
  addDays,
  companyToday,
  dateFromPicker,
  dateToPicker,
  dayStartIso,
  formatDateTime,
  isBusinessDate,
  pickerToday,
} from '../../shared/dates.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';
import { type FollowUp, useDeleteFollowUp, useFollowUps } from './api.js';
import { FollowUpTypeTag, useTypeOptions } from './follow-up-types.js';
import { FilterBar, LoadError } from '../../shared/filter-bar.js';
import { QuickFollowUp, QuickFollowUpButton } from './quick-follow-up.js';

const FILTERS = ['q', 'type', 'ownerId', 'from', 'to'];

/** C4: every follow-up the user may see — who talked to which customer, how, and what came of it. */
export function FollowUpListPage() {
  const { t, i18n } = useTranslation('followUps');
  const { can } = useAuth();
  const { message } = App.useApp();
  const lp = useListParams();
  const typeOptions = useTypeOptions();
  const del = useDeleteFollowUp();
  const [editing, setEditing] = useState<FollowUp>();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;

  const q = lp.text('q');
  const type = lp.text('type');
  const ownerId = lp.text('ownerId');
  const from = lp.text('from');
  const to = lp.text('to');
  const filtered = FILTERS.some((k) => lp.params.has(k));
  const activeFilters = FILTERS.filter((k) => k !== 'q' && k !== 'to' && lp.params.has(k)).length;

  const query: Query = {
    page: lp.page,
    pageSize: lp.pageSize,
    sort: lp.sort,
    q,
    type,
    ownerId,
    // Days are the company's days (the same zone the dates and times are shown in).
    from: isBusinessDate(from) ? dayStartIso(from) : undefined,
    to: isBusinessDate(to) ? dayStartIso(addDays(to, 1)) : undefined,
  };
  const { data, isFetching, isError, error, refetch } = useFollowUps(query);

  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(q, commitSearch);

  const remove = async (f: FollowUp) => {
    try {
      await del.mutateAsync(f);
      message.success(t('common:deleted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const today = pickerToday();
  const monday = today.subtract((today.day() + 6) % 7, 'day');
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('list.today'), value: [today, today] },
    { label: t('list.thisWeek'), value: [monday, today] },
    { label: t('list.thisMonth'), value: [today.startOf('month'), today] },
    { label: t('list.last30'), value: [today.subtract(29, 'day'), today] },
  ];

  const canChange = can('follow_ups', 'edit') || can('follow_ups', 'delete');
  const contentOf = (f: FollowUp, rows: number) => (
    <>
      <Typography.Paragraph
        ellipsis={{ rows, expandable: 'collapsible', symbol: (expanded) => (expanded ? '▲' : '▼') }}
        style={{ marginBottom: f.outcome ? 2 : 0, whiteSpace: 'pre-wrap' }}
      >
        {f.content}
      </Typography.Paragraph>
      {f.outcome && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('list.outcome', { text: f.outcome })}
        </Typography.Text>
      )}
    </>
  );
  const actionsOf = (f: FollowUp) => (
    <Space size={0}>
      {can('follow_ups', 'edit') && (
        <Tooltip title={t('common:actions.edit')}>
          <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(f)} data-testid="followup-edit" />
        </Tooltip>
      )}
      {can('follow_ups', 'delete') && (
        <Popconfirm
          title={t('list.confirmDelete')}
          okText={t('common:actions.delete')}
          cancelText={t('common:actions.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(f)}
          placement="topRight"
        >
          <Tooltip title={t('common:actions.delete')}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} data-testid="followup-delete" />
          </Tooltip>
        </Popconfirm>
      )}
    </Space>
  );
  const nextOf = (f: FollowUp) =>
    f.nextFollowUpDate ? (
      <Typography.Text type={f.nextFollowUpDate < companyToday() ? 'secondary' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {f.nextFollowUpDate}
      </Typography.Text>
    ) : (
      '—'
    );

  const columns: ColumnsType<FollowUp> = [
    {
      key: 'occurredAt',
      title: t('fields.occurredAt'),
      width: 140,
      sorter: true,
      // Newest first is the server's default order, so the column shows it as sorted until another sort is chosen.
      sortOrder: sortOrderOf(lp.sort, 'occurredAt') ?? (lp.sort ? null : 'descend'),
      sortDirections: ['descend', 'ascend'],
      render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.occurredAt, i18n.language)}</span>,
    },
    { key: 'type', title: t('fields.type'), width: 90, render: (_, f) => <FollowUpTypeTag type={f.type} /> },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 180,
      render: (_, f) => (
        <Link to={`/customers/${f.customerId}`} style={{ fontWeight: 500 }}>
          {f.customerName}
        </Link>
      ),
    },
    { key: 'contact', title: t('fields.contact'), width: 90, render: (_, f) => f.contactName ?? '—' },
    {
      key: 'content',
      title: t('fields.content'),
      width: 320,
      render: (_, f) => <div style={{ minWidth: 220 }}>{contentOf(f, 2)}</div>,
    },
    {
      key: 'nextFollowUpDate',
      title: t('fields.nextFollowUpDate'),
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'nextFollowUpDate'),
      render: (_, f) => nextOf(f),
    },
    { key: 'owner', title: t('fields.owner'), width: 84, render: (_, f) => f.ownerName ?? '—' },
  ];
  if (canChange) {
    columns.push({
      key: 'actions',
      title: t('list.actions'),
      fixed: 'right',
      width: 80,
      render: (_, f) => actionsOf(f),
    });
  }

  // On a phone each follow-up is one compact card: who, which customer, what happened, what's next.
  const phoneColumns: ColumnsType<FollowUp> = [
    {
      key: 'card',
      render: (_, f) => (
        <div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <FollowUpTypeTag type={f.type} />
            <Link
              to={`/customers/${f.customerId}`}
              style={{ fontWeight: 500, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
              {f.customerName}
            </Link>
            {canChange && actionsOf(f)}
          </div>
          <div style={{ margin: '6px 0 4px' }}>{contentOf(f, 3)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[formatDateTime(f.occurredAt, i18n.language), f.ownerName, f.contactName].filter(Boolean).join(' · ')}
            {f.nextFollowUpDate && ` · ${t('fields.nextFollowUpDate')} ${f.nextFollowUpDate}`}
          </Typography.Text>
        </div>
      ),
    },
  ];

  const filterCol = { xs: 24, sm: 12, md: 8, xl: 4 };
  return (
    <>
      <PageHeader
        title={t('list.title')}
        sub={data ? t('list.count', { total: data.total }) : undefined}
        extra={<QuickFollowUpButton type="primary" />}
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar
          search={search}
          searchPlaceholder={t('list.search')}
          searchTestId="followup-search"
          searchCol={{ xs: 24, md: 16, xl: 6 }}
          activeFilters={activeFilters}
          onClear={filtered ? () => lp.clear(FILTERS) : undefined}
          clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}
        >
          <Col {...filterCol}>
            <Select
              allowClear
              placeholder={t('list.typeAll')}
              value={type}
              onChange={(v) => update({ type: v })}
              options={typeOptions}
              style={{ width: '100%' }}
              data-testid="followup-type-filter"
            />
          </Col>
          <Col {...filterCol}>
            <OwnerSelect
              placeholder={t('fields.owner')}
              value={ownerId}
              onChange={(v) => update({ ownerId: v })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} sm={12} md={8} xl={6}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={isBusinessDate(from) && isBusinessDate(to) ? [dateToPicker(from), dateToPicker(to)] : null}
              onChange={(range) => update({ from: dateFromPicker(range?.[0]) ?? undefined, to: dateFromPicker(range?.[1]) ?? undefined })}
              presets={presets}
              placeholder={[t('list.from'), t('list.to')]}
              disabledDate={(d) => d.isAfter(today, 'day')}
              inputReadOnly={phone}
              data-testid="followup-date-range"
            />
          </Col>
        </FilterBar>

        {isError && <LoadError title={t('list.loadFailed')} error={error} onRetry={() => void refetch()} />}

        <Table<FollowUp>
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : columns}
          showHeader={!phone}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParamOf(sorter) });
            else if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: data?.page ?? lp.page,
            pageSize: lp.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('common:total', { total }),
            responsive: true,
          }}
          locale={{
            emptyText:
              isFetching || isError ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('list.emptyFiltered') : t('list.empty')}>
                  {filtered ? (
                    <Button onClick={() => lp.clear(FILTERS)}>{t('list.clearFilters')}</Button>
                  ) : (
                    <QuickFollowUpButton type="primary" testId="followup-quick-add-empty" />
                  )}
                </Empty>
              ),
          }}
          data-testid="followup-table"
        />
      </Card>

      <QuickFollowUp open={!!editing} followUp={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
