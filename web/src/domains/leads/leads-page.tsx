import { LEAD_STATUSES } from '@contracts/leads.js';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http, type Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { PageHeader } from '../../shared/page-header.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';
import { type Lead, useLeadAction, useLeads } from './api.js';
import { ConvertLeadModal } from './convert-modal.js';
import { LeadDrawer } from './lead-drawer.js';
import { LeadFormDrawer } from './lead-form.js';
import { FilterBar } from '../../shared/filter-bar.js';
import { ExportButton } from '../../shared/export-button.js';
import { ImportButton } from '../../shared/import-button.js';
import { LeadStatusTag } from './lead-status-tag.js';

/** C3: my leads and the public pool (公海), side by side in two tabs. */
export function LeadsPage() {
  const { t, i18n } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const lp = useListParams();
  const scope = lp.text('tab') === 'pool' ? 'pool' : 'mine';
  const status = lp.text('status');
  const q = lp.text('q');
  const industries = usePicklist('industry');
  const sources = usePicklist('customer_source');
  const query: Query = { page: lp.page, pageSize: lp.pageSize, sort: lp.sort, q, status };
  const { data, isFetching, isError, error, refetch } = useLeads(scope, query);
  const [editing, setEditing] = useState<Lead | null | 'new'>(null);
  const [viewing, setViewing] = useState<Lead | null>(null);
  const [converting, setConverting] = useState<Lead | null>(null);
  const claim = useLeadAction((id: string) => http.post(`/pool/leads/${id}/claim`));
  const { update } = lp;
  const search = useSearchText(
    q,
    useCallback((v: string | undefined) => update({ q: v }), [update]),
  );

  const columns: ColumnsType<Lead> = [
    {
      key: 'company',
      title: t('fields.company'),
      dataIndex: 'company',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'company'),
      render: (v: string, l) => <Typography.Link onClick={() => setViewing(l)}>{v}</Typography.Link>,
    },
    { key: 'contact', title: t('fields.contactName'), render: (_, l) => [l.contactName, l.title].filter(Boolean).join(' · ') || '—' },
    { key: 'mobile', title: t('fields.mobile'), dataIndex: 'mobile', render: (v) => v ?? '—', responsive: ['md'] },
    { key: 'region', title: t('fields.region'), dataIndex: 'region', render: (v) => v ?? '—', responsive: ['lg'] },
    { key: 'industry', title: t('fields.industry'), dataIndex: 'industry', render: (v) => industries.label(v), responsive: ['lg'] },
    { key: 'source', title: t('fields.source'), dataIndex: 'source', render: (v) => sources.label(v), responsive: ['lg'] },
    { key: 'status', title: t('fields.status'), dataIndex: 'status', render: (v: Lead['status']) => <LeadStatusTag status={v} /> },
    ...(scope === 'mine'
      ? [
          {
            key: 'owner',
            title: t('fields.owner'),
            render: (_: unknown, l: Lead) => (l.inPool ? <Tag>{t('tabs.pool')}</Tag> : (l.ownerName ?? '—')),
            responsive: ['md' as const],
          },
        ]
      : []),
    {
      key: 'createdAt',
      title: t('fields.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(lp.sort, 'createdAt'),
      render: (v: string) => formatDateTime(v, i18n.language),
      responsive: ['sm'],
    },
    ...(scope === 'pool' && can('leads', 'edit')
      ? [
          {
            key: 'claim',
            title: '',
            width: 90,
            render: (_: unknown, l: Lead) => (
              <Button
                size="small"
                type="primary"
                ghost
                loading={claim.isPending && claim.variables === l.id}
                data-testid="lead-claim"
                onClick={() =>
                  claim.mutateAsync(l.id).then(
                    () => message.success(t('actions.claimed')),
                    (e) => message.error(e instanceof ApiError ? e.message : String(e)),
                  )
                }
              >
                {t('actions.claim')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('menu.list')}
        sub={data ? t('list.count', { total: data.total }) : undefined}
        extra={
          <Space wrap>
            <ImportButton entity="leads" module="leads" />
            <ExportButton
              entity="leads"
              module="leads"
              params={{ ...Object.fromEntries(lp.params), tab: undefined, pool: scope === 'pool' ? 'true' : undefined }}
            />
            {can('leads', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="lead-new">
                {t('list.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={scope}
          onChange={(k) => lp.update({ tab: k === 'pool' ? 'pool' : undefined, status: undefined })}
          items={[
            { key: 'mine', label: t('tabs.mine') },
            { key: 'pool', label: t('tabs.pool') },
          ]}
        />
        <FilterBar
          search={search}
          searchPlaceholder={t('list.search')}
          searchTestId="lead-search"
          searchCol={{ xs: 24, md: 12, xl: 6 }}
          activeFilters={status ? 1 : 0}
          onClear={status ? () => lp.update({ status: undefined }) : undefined}
        >
          {scope === 'mine' && (
            <Col xs={24} sm={12} md={6} xl={4}>
              <Select
                allowClear
                placeholder={t('fields.status')}
                value={status}
                onChange={(v) => lp.update({ status: v })}
                options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                style={{ width: '100%' }}
              />
            </Col>
          )}
        </FilterBar>
        {isError ? (
          <Empty description={error instanceof ApiError ? error.message : tc('loadFailed')}>
            <Button onClick={() => refetch()}>{tc('actions.reload')}</Button>
          </Empty>
        ) : (
          <Table<Lead>
            rowKey="id"
            size="middle"
            loading={isFetching}
            columns={columns}
            dataSource={data?.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={scope === 'pool' ? t('list.poolEmpty') : t('list.empty')} /> }}
            onChange={(pagination, _f, sorter) =>
              lp.update({ page: pagination.current, pageSize: pagination.pageSize, sort: sortParamOf(sorter) })
            }
            pagination={{
              current: lp.page,
              pageSize: lp.pageSize,
              total: data?.total,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => tc('total', { total }),
            }}
          />
        )}
      </Card>
      <LeadFormDrawer
        open={editing !== null}
        lead={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <LeadDrawer
        lead={viewing}
        onClose={() => setViewing(null)}
        onEdit={(l) => {
          setViewing(null);
          setEditing(l);
        }}
        onConvert={(l) => {
          setViewing(null);
          setConverting(l);
        }}
      />
      <ConvertLeadModal lead={converting} onClose={() => setConverting(null)} />
    </>
  );
}
