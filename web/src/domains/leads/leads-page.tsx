import { LEAD_STATUSES } from '@contracts/leads.js';
import { App, Button, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import { ChoiceFilter, ListFilters } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type Lead, useLeadAction, useLeads } from './api.js';
import { ConvertLeadModal } from './convert-modal.js';
import { LeadDrawer } from './lead-drawer.js';
import { LeadFormDrawer } from './lead-form.js';
import { LeadStatusTag } from './lead-status-tag.js';

/** C3: my leads and the public pool (公海), side by side in two tabs. */
export function LeadsPage() {
  const { t, i18n } = useTranslation('leads');
  const { can } = useAuth();
  const { message } = App.useApp();
  const list = useListPage({ name: 'lead', filters: ['q', 'status'], imports: 'leads', exports: 'leads' });
  const scope = list.text('tab') === 'pool' ? 'pool' : 'mine';
  const industries = usePicklist('industry');
  const sources = usePicklist('customer_source');
  const query = useLeads(scope, { ...list.paging, q: list.text('q'), status: list.text('status') });
  const [editing, setEditing] = useState<Lead | null | 'new'>(null);
  const [viewing, setViewing] = useState<Lead | null>(null);
  const [converting, setConverting] = useState<Lead | null>(null);
  const claim = useLeadAction((id: string) => http.post(`/pool/leads/${id}/claim`));
  const statusOptions = LEAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const create = { label: t('list.new'), onClick: () => setEditing('new'), allowed: can('leads', 'create') };

  const columns: ListColumn<Lead>[] = [
    {
      key: 'company',
      title: t('fields.company'),
      dataIndex: 'company',
      sortable: true,
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
      sortable: true,
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
      <ListHeader
        list={list}
        title={t('menu.list')}
        count={query.data && t('list.count', { total: query.data.total })}
        // The export names the pool by its own parameter; the tab is only this page's.
        exportParams={{ ...list.exportParams, tab: undefined, pool: scope === 'pool' ? 'true' : undefined }}
        create={create}
      />
      <ListCard tabs>
        <Tabs
          activeKey={scope}
          onChange={(k) => list.update({ tab: k === 'pool' ? 'pool' : undefined, status: undefined })}
          items={[
            { key: 'mine', label: t('tabs.mine') },
            { key: 'pool', label: t('tabs.pool') },
          ]}
        />
        <ListFilters
          list={list}
          searchPlaceholder={t('list.search')}
          searchCol={{ xs: 24, md: 12, xl: 6 }}
          filterCol={{ xs: 24, sm: 12, md: 6, xl: 4 }}
        >
          {scope === 'mine' && <ChoiceFilter list={list} name="status" placeholder={t('fields.status')} options={statusOptions} />}
        </ListFilters>
        <ListTable<Lead>
          list={list}
          query={query}
          columns={columns}
          card={{ title: 'company', subtitle: ['contact', 'status', 'owner', 'createdAt'], extra: 'claim' }}
          empty={scope === 'pool' ? { text: t('list.poolEmpty') } : { text: t('list.empty'), create }}
          errorTitle={t('common:loadFailed')}
        />
      </ListCard>
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
