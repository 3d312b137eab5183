import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Grid, Popconfirm, Space, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
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
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { type FollowUp, useDeleteFollowUp, useFollowUps } from './api.js';
import { FollowUpTypeTag, useTypeOptions } from './follow-up-types.js';
import { QuickFollowUp, QuickFollowUpButton } from './quick-follow-up.js';

/** C4: every follow-up the user may see — who talked to which customer, how, and what came of it. */
export function FollowUpListPage() {
  const { t, i18n } = useTranslation('followUps');
  const { can } = useAuth();
  const { message } = App.useApp();
  // A date range sets from and to together: one filter on the phone's badge.
  const list = useListPage({ name: 'followup', filters: ['q', 'type', 'ownerId', 'from', 'to'], uncounted: ['to'] });
  const { update } = list;
  const typeOptions = useTypeOptions();
  const del = useDeleteFollowUp();
  const [editing, setEditing] = useState<FollowUp>();
  const phone = !Grid.useBreakpoint().md;

  const from = list.text('from');
  const to = list.text('to');
  const query = useFollowUps({
    ...list.paging,
    q: list.text('q'),
    type: list.text('type'),
    ownerId: list.text('ownerId'),
    // Days are the company's days (the same zone the dates and times are shown in).
    from: isBusinessDate(from) ? dayStartIso(from) : undefined,
    to: isBusinessDate(to) ? dayStartIso(addDays(to, 1)) : undefined,
  });

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

  const columns: ListColumn<FollowUp>[] = [
    {
      key: 'occurredAt',
      title: t('fields.occurredAt'),
      width: 140,
      sortable: true,
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
    { key: 'nextFollowUpDate', title: t('fields.nextFollowUpDate'), width: 110, sortable: true, render: (_, f) => nextOf(f) },
    { key: 'owner', title: t('fields.owner'), width: 84, render: (_, f) => f.ownerName ?? '—' },
    ...(canChange
      ? [
          {
            key: 'actions',
            title: t('list.actions'),
            fixed: 'right' as const,
            width: 80,
            render: (_: unknown, f: FollowUp) => actionsOf(f),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListHeader
        list={list}
        title={t('list.title')}
        count={query.data && t('list.count', { total: query.data.total })}
        extra={<QuickFollowUpButton type="primary" />}
      />
      <ListCard>
        <ListFilters list={list} searchPlaceholder={t('list.search')} clearCol={{ xs: 24, sm: 12, md: 8, xl: 3 }}>
          <ChoiceFilter list={list} name="type" placeholder={t('list.typeAll')} options={typeOptions} data-testid="followup-type-filter" />
          <OwnerFilter list={list} placeholder={t('fields.owner')} />
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
        </ListFilters>
        <ListTable<FollowUp>
          list={list}
          query={query}
          columns={columns}
          // Newest first is the server's default order.
          defaultSort="-occurredAt"
          card={{
            leading: 'type',
            title: 'customer',
            extra: 'actions',
            body: (f) => contentOf(f, 3),
            subtitle: [
              'occurredAt',
              'owner',
              'contact',
              (f) => f.nextFollowUpDate && `${t('fields.nextFollowUpDate')} ${f.nextFollowUpDate}`,
            ],
          }}
          empty={{
            text: t('list.empty'),
            filteredText: t('list.emptyFiltered'),
            action: <QuickFollowUpButton type="primary" testId="followup-quick-add-empty" />,
          }}
          errorTitle={t('list.loadFailed')}
        />
      </ListCard>

      <QuickFollowUp open={!!editing} followUp={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
