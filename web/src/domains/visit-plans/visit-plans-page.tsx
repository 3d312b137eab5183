import { DeleteOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Grid, Popconfirm, Space, Spin, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import type { Contact } from '../contacts/public.js';
import { useListParams } from '../../shared/list-state.js';
import { addDays, companyToday, DATE, dateFromPicker, dateToPicker, formatDay, isBusinessDate } from '../../shared/dates.js';
import { useDeleteVisitPlan, useVisitPlans, type VisitPlan } from './api.js';
import { VisitPlanFormModal } from './visit-plan-form.js';
import { VisitStatusTag } from './visit-plan-labels.js';

// The manager's summary brings ECharts along: it loads when the tab is first opened.
const VisitSummary = lazy(() => import('./visit-summary.js'));

export function VisitPlansPage() {
  const { t } = useTranslation('visitPlans');
  const { me, can } = useAuth();
  const lp = useListParams();
  const ownScope = me?.scope === 'own';
  const tab = !ownScope && lp.text('tab') === 'summary' ? 'summary' : 'day';
  const [creating, setCreating] = useState(false);
  const rawDate = lp.text('date');
  const date = isBusinessDate(rawDate) ? rawDate : companyToday();
  // A new plan is for a day to come: from a past day it starts on today.
  const past = date < companyToday();

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('subtitle')}
        extra={
          tab === 'day' &&
          can('visit_plans', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="visit-plan-new">
              {t('day.new')}
            </Button>
          )
        }
      />
      {ownScope ? (
        <DayPlans date={date} onAdd={() => setCreating(true)} />
      ) : (
        <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => lp.update({ tab: key === 'day' ? undefined : key })}
            items={[
              { key: 'day', label: t('tabs.day'), children: <DayPlans date={date} onAdd={() => setCreating(true)} embedded /> },
              {
                key: 'summary',
                label: t('tabs.summary'),
                children: (
                  <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
                    <VisitSummary />
                  </Suspense>
                ),
              },
            ]}
            destroyOnHidden
          />
        </Card>
      )}
      <VisitPlanFormModal
        open={creating}
        date={past ? companyToday() : date}
        onClose={() => setCreating(false)}
        // Show the day the new plan went to.
        onSaved={(plan) => lp.update({ date: plan.planDate === companyToday() ? undefined : plan.planDate, tab: undefined })}
      />
    </>
  );
}

/** One day's planned visits, for a rep (their own) or a manager (the team, or one member). */
function DayPlans({ date, onAdd, embedded }: { date: string; onAdd: () => void; embedded?: boolean }) {
  const { t, i18n } = useTranslation('visitPlans');
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const lp = useListParams();
  const phone = !Grid.useBreakpoint().md;
  const ownScope = me?.scope === 'own';
  const ownerId = ownScope ? undefined : lp.text('ownerId');
  const today = companyToday();
  const tomorrow = addDays(today, 1);
  const { data, isFetching, isError, error, refetch } = useVisitPlans({ from: date, to: date, ownerId });
  const del = useDeleteVisitPlan();
  const [editing, setEditing] = useState<VisitPlan>();
  const plans = data?.items ?? [];

  // Plans carry the contact's id only: the few contacts of one day are looked up by id.
  const contactIds = [...new Set(plans.map((p) => p.contactId).filter((id): id is string => !!id))];
  const contacts = useQueries({
    queries: contactIds.map((id) => ({
      queryKey: ['contacts', id],
      queryFn: () => http.get<Contact>(`/contacts/${id}`),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const contactName = (id: string | null) => (id ? contacts.find((c) => c.data?.id === id)?.data?.name : undefined);

  const setDate = (d: string) => lp.update({ date: d === today ? undefined : d });
  const remove = async (plan: VisitPlan) => {
    try {
      await del.mutateAsync(plan.id);
      message.success(t('common:deleted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const counts = {
    planned: plans.length,
    done: plans.filter((p) => p.status === 'done').length,
    missed: plans.filter((p) => p.status === 'missed').length,
  };

  const customerLink = (p: VisitPlan) => (
    <Link to={`/customers/${p.customerId}`} style={{ fontWeight: 500 }}>
      {p.customerName}
    </Link>
  );
  const actions = (p: VisitPlan) => (
    <Space size={0}>
      {can('visit_plans', 'edit') && (
        <Tooltip title={t('day.edit')}>
          <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('day.edit')} />
        </Tooltip>
      )}
      {can('visit_plans', 'delete') && (
        <Popconfirm
          title={t('day.confirmDelete', { name: p.customerName })}
          okText={t('common:actions.delete')}
          cancelText={t('common:actions.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(p)}
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
        </Popconfirm>
      )}
    </Space>
  );

  const columns: ColumnsType<VisitPlan> = phone
    ? [
        {
          key: 'plan',
          title: t('fields.customer'),
          render: (_, p) => (
            <div>
              <Space size={8} wrap>
                {customerLink(p)}
                <VisitStatusTag status={p.status} />
              </Space>
              {p.purpose && <div style={{ marginTop: 4 }}>{p.purpose}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[contactName(p.contactId), ownScope ? undefined : p.ownerName].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'actions', width: 72, align: 'right', render: (_, p) => actions(p) },
      ]
    : [
        { key: 'index', title: '#', width: 48, render: (_, _p, i) => i + 1 },
        { key: 'customer', title: t('fields.customer'), width: 260, render: (_, p) => customerLink(p) },
        {
          key: 'purpose',
          title: t('fields.purpose'),
          render: (_, p) => p.purpose ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        { key: 'contact', title: t('fields.contact'), width: 120, render: (_, p) => contactName(p.contactId) ?? '—' },
        ...(ownScope
          ? []
          : [{ key: 'owner', title: t('fields.owner'), width: 100, render: (_: unknown, p: VisitPlan) => p.ownerName ?? '—' }]),
        { key: 'status', title: t('fields.status'), width: 100, render: (_, p) => <VisitStatusTag status={p.status} /> },
        { key: 'actions', title: t('day.actions'), width: 96, render: (_, p) => actions(p) },
      ];

  const body = (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap>
          <Space.Compact>
            <Button icon={<LeftOutlined />} onClick={() => setDate(addDays(date, -1))} aria-label={t('day.prev')} />
            <DatePicker
              value={dateToPicker(date)}
              format={DATE}
              allowClear={false}
              onChange={(d) => d && setDate(dateFromPicker(d) as string)}
              style={{ width: 140 }}
              data-testid="visit-plan-date"
            />
            <Button icon={<RightOutlined />} onClick={() => setDate(addDays(date, 1))} aria-label={t('day.next')} />
          </Space.Compact>
          <Space.Compact>
            <Button type={date === today ? 'primary' : 'default'} onClick={() => setDate(today)}>
              {t('day.today')}
            </Button>
            <Button type={date === tomorrow ? 'primary' : 'default'} onClick={() => setDate(tomorrow)}>
              {t('day.tomorrow')}
            </Button>
          </Space.Compact>
        </Space>
        {!ownScope && (
          <OwnerSelect
            placeholder={t('day.ownerAll')}
            value={ownerId}
            onChange={(v) => lp.update({ ownerId: v })}
            style={{ width: phone ? '100%' : 220 }}
          />
        )}
      </div>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16, marginInlineEnd: 12 }}>
          {formatDay(date, i18n.language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' })}
          {date === today && ` · ${t('day.today')}`}
          {date === tomorrow && ` · ${t('day.tomorrow')}`}
        </Typography.Text>
        {data && (
          <Typography.Text type="secondary" style={phone ? { display: 'block', marginTop: 2 } : undefined}>
            {t('day.counts', { planned: counts.planned, done: counts.done })}
            {counts.missed > 0 && ` · ${t('day.missedCount', { count: counts.missed })}`}
          </Typography.Text>
        )}
      </div>
      {isError && (
        <Alert
          type="error"
          showIcon
          title={t('day.loadFailed')}
          description={error instanceof Error ? error.message : undefined}
          action={<Button onClick={() => void refetch()}>{t('common:actions.reload')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<VisitPlan>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={plans}
        loading={isFetching}
        pagination={false}
        scroll={phone ? undefined : { x: 'max-content' }}
        locale={{
          emptyText:
            isFetching || isError ? (
              <div style={{ height: 120 }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={date < today ? t('day.emptyPast') : t('day.empty')}>
                {can('visit_plans', 'create') && date >= today && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
                    {t('day.new')}
                  </Button>
                )}
              </Empty>
            ),
        }}
        data-testid="visit-plan-table"
      />
      <VisitPlanFormModal open={!!editing} plan={editing} date={date} onClose={() => setEditing(undefined)} />
    </>
  );
  return embedded ? body : <Card variant="borderless">{body}</Card>;
}
