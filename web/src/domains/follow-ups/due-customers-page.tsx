import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Grid, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { companyDate, formatDateTime } from '../../shared/dates.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { GradeTag } from '../customers/public.js';
import { PAGE_SIZES, useListParams } from '../../shared/list-state.js';
import { type DueCustomer, useDueCustomers } from './api.js';
import { QuickFollowUp } from './quick-follow-up.js';

/** 超期 N 天 in red, 今天到期 in orange, and (with the heads-up toggle) N 天后到期 in blue. */
export function DueTag({ overdueDays }: { overdueDays: number }) {
  const { t } = useTranslation('followUps');
  if (overdueDays > 0)
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('due.overdue', { count: overdueDays })}
      </Tag>
    );
  if (overdueDays === 0)
    return (
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('due.today')}
      </Tag>
    );
  return (
    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
      {overdueDays === -1 ? t('due.tomorrow') : t('due.inDays', { count: -overdueDays })}
    </Tag>
  );
}

/** C6: key customers whose follow-up cycle has run out, most overdue first, each one a click away from a follow-up. */
export function DueCustomersPage() {
  const { t, i18n } = useTranslation('followUps');
  const { can } = useAuth();
  const lp = useListParams();
  const grade = usePicklist('customer_grade');
  const phone = !Grid.useBreakpoint().md;
  const [writing, setWriting] = useState<{ id: string; name: string }>();

  const ownerId = lp.text('ownerId');
  const within = lp.text('within') === '7';
  const query: Query = { page: lp.page, pageSize: lp.pageSize, ownerId, withinDays: within ? 7 : 0 };
  const { data, isFetching, isError, error, refetch } = useDueCustomers(query);
  const { update } = lp;

  const columns: ColumnsType<DueCustomer> = [
    {
      key: 'name',
      title: t('due.customer'),
      fixed: phone ? undefined : 'left',
      width: 220,
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} style={{ fontWeight: 500 }}>
          {c.name}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('due.status'),
      width: 120,
      render: (_, c) => <DueTag overdueDays={c.overdueDays} />,
    },
    {
      key: 'grade',
      title: t('due.grade'),
      width: 100,
      render: (_, c) => (c.grade ? <GradeTag grade={c.grade} label={grade.label(c.grade)} /> : '—'),
    },
    { key: 'owner', title: t('due.owner'), width: 100, render: (_, c) => c.ownerName ?? '—' },
    { key: 'cycle', title: t('due.cycle'), width: 100, render: (_, c) => t('due.cycleDays', { count: c.followUpCycleDays }) },
    {
      key: 'lastFollowUp',
      title: t('due.lastFollowUp'),
      width: 120,
      render: (_, c) =>
        c.lastFollowUpAt ? (
          <span title={formatDateTime(c.lastFollowUpAt, i18n.language)}>{companyDate(c.lastFollowUpAt)}</span>
        ) : (
          <Typography.Text type="secondary">{t('due.never')}</Typography.Text>
        ),
    },
    { key: 'dueDate', title: t('due.dueDate'), width: 120, render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.dueDate}</span> },
  ];
  const writeButton = (c: DueCustomer) =>
    can('follow_ups', 'create') && (
      <Button size="small" icon={<EditOutlined />} onClick={() => setWriting({ id: c.id, name: c.name })} data-testid="followup-quick-add">
        {t('actions.write')}
      </Button>
    );
  // On a phone each customer is one compact card, with the 写跟进 button in reach.
  const phoneColumns: ColumnsType<DueCustomer> = [
    {
      key: 'card',
      render: (_, c) => (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ minWidth: 0 }}>
            <Link to={`/customers/${c.id}`} style={{ fontWeight: 500 }}>
              {c.name}
            </Link>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', marginTop: 6 }}>
              <DueTag overdueDays={c.overdueDays} />
              {c.grade && <GradeTag grade={c.grade} label={grade.label(c.grade)} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  c.ownerName,
                  t('due.cycleDays', { count: c.followUpCycleDays }),
                  `${t('due.lastFollowUp')} ${c.lastFollowUpAt ? companyDate(c.lastFollowUpAt) : t('due.never')}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </div>
          </div>
          {writeButton(c)}
        </div>
      ),
    },
  ];
  if (can('follow_ups', 'create')) {
    columns.push({
      key: 'actions',
      title: t('list.actions'),
      fixed: phone ? undefined : 'right',
      width: 110,
      render: (_, c) => writeButton(c),
    });
  }

  return (
    <>
      <PageHeader title={t('due.title')} sub={t('due.sub')} />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 16 }}>
          <Col xs={24} sm={12} md={8} xl={5}>
            <OwnerSelect placeholder={t('due.owner')} value={ownerId} onChange={(v) => update({ ownerId: v })} style={{ width: '100%' }} />
          </Col>
          <Col>
            <Space size={8}>
              <Switch checked={within} onChange={(on) => update({ within: on ? '7' : undefined })} data-testid="due-within-7" />
              <Typography.Text style={{ cursor: 'pointer' }} onClick={() => update({ within: within ? undefined : '7' })}>
                {t('due.within7')}
              </Typography.Text>
            </Space>
          </Col>
        </Row>

        {isError && (
          <Alert
            type="error"
            showIcon
            title={t('due.loadFailed')}
            description={error instanceof Error ? error.message : undefined}
            action={<Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
            style={{ marginBottom: 16 }}
          />
        )}

        <Table<DueCustomer>
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : columns}
          showHeader={!phone}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          onChange={(pagination, _filters, _sorter, extra) => {
            if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: data?.page ?? lp.page,
            pageSize: lp.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t(within ? 'due.countWithin' : 'due.count', { count: total, total }),
            responsive: true,
            hideOnSinglePage: false,
          }}
          locale={{
            emptyText:
              isFetching || isError ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    <Space orientation="vertical" size={4}>
                      <Typography.Text>{within ? t('due.emptyWithin') : t('due.empty')}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {t('due.emptyHint')}
                      </Typography.Text>
                    </Space>
                  }
                />
              ),
          }}
          data-testid="due-table"
        />
      </Card>

      <QuickFollowUp open={!!writing} customer={writing} onClose={() => setWriting(undefined)} />
    </>
  );
}
