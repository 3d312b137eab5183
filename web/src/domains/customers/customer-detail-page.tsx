import { ArrowLeftOutlined, EditOutlined, StarFilled } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { useRecordTabs } from '../../app/record-tabs.js';
import { formatMoney } from '../../shared/format.js';
import { formatDateTime } from '../../shared/dates.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { PageHeader } from '../../shared/page-header.js';
import { CustomerContacts } from '../contacts/public.js';
import { CustomerContracts } from '../contracts/public.js';
import { CustomerTimeline, QuickFollowUpButton } from '../follow-ups/public.js';
import { type Customer, useCustomer } from './api.js';
import { CustomerFormDrawer } from './customer-form.js';
import { DeleteCustomerButton } from './delete-customer-button.js';
import { useCustomerLabels } from './customer-labels.js';
import { CustomerOpportunities } from '../opportunities/public.js';
import { ReleaseToPoolButton } from '../customer-pool/public.js';
import { GradeSource } from './grade-source.js';
import { GradeTag } from './grade-tag.js';

export function CustomerDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const location = useLocation();
  const { data: customer, isLoading, error, refetch } = useCustomer(id);
  // The list passes its search (filters, page) so "back" lands on the same view.
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? '';
  const toList = () => navigate(`/customers${listSearch}`);

  if (isLoading) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (!customer) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Card variant="borderless">
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? '404' : t('detail.loadFailed')}
          subTitle={missing ? t('common:notFound') : error?.message}
          extra={
            <Space>
              <Button onClick={toList}>{t('detail.back')}</Button>
              {!missing && (
                <Button type="primary" onClick={() => void refetch()}>
                  {t('detail.retry')}
                </Button>
              )}
            </Space>
          }
        />
      </Card>
    );
  }
  return <CustomerDetail customer={customer} onBack={toList} />;
}

function CustomerDetail({ customer, onBack }: { customer: Customer; onBack: () => void }) {
  const registeredTabs = useRecordTabs('customer', { id: customer.id, name: customer.name });
  const { t, i18n } = useTranslation('customers');
  const { can } = useAuth();
  const labels = useCustomerLabels();
  const [editing, setEditing] = useState(false);
  // ?tab=credit (or any tab's key) opens the page on that tab: other pages link straight to it.
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') ?? 'timeline');
  const c = customer;

  const dash = (v: string | null | undefined) => v || '—';
  const websiteHref = c.website && (/^https?:\/\//i.test(c.website) ? c.website : `http://${c.website}`);
  const items = [
    { key: 'name', label: t('fields.name'), children: c.name },
    { key: 'shortName', label: t('fields.shortName'), children: dash(c.shortName) },
    { key: 'customerType', label: t('fields.customerType'), children: labels.typeLabel(c.customerType) },
    { key: 'industry', label: t('fields.industry'), children: labels.industry.label(c.industry) },
    { key: 'source', label: t('fields.source'), children: labels.source.label(c.source) },
    { key: 'grade', label: t('fields.grade'), children: <GradeSource customer={c} label={labels.grade.label(c.grade)} /> },
    { key: 'potentialScore', label: t('fields.potentialScore'), children: c.potentialScore ?? '—' },
    { key: 'isKey', label: t('fields.isKey'), children: c.isKey ? t('common:yes') : t('common:no') },
    {
      key: 'followUpCycleDays',
      label: t('fields.followUpCycleDays'),
      children: c.followUpCycleDays ? t('detail.days', { count: c.followUpCycleDays }) : '—',
    },
    {
      key: 'creditLimit',
      label: t('fields.creditLimit'),
      children: <span className="money">{formatMoney(c.creditLimit)}</span>,
    },
    {
      key: 'phone',
      label: t('fields.phone'),
      children: c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '—',
    },
    {
      key: 'website',
      label: t('fields.website'),
      children: websiteHref ? (
        <a href={websiteHref} target="_blank" rel="noopener noreferrer">
          {c.website}
        </a>
      ) : (
        '—'
      ),
    },
    { key: 'region', label: t('fields.region'), children: dash(c.region) },
    { key: 'address', label: t('fields.address'), children: dash(c.address), span: 2 },
    {
      key: 'tags',
      label: t('fields.tags'),
      children: c.tags.length ? (
        <Space size={[4, 4]} wrap>
          {c.tags.map((x) => (
            <Tag key={x}>{labels.tagLabel(x)}</Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    { key: 'primaryContact', label: t('fields.primaryContact'), children: dash(c.primaryContactName) },
    { key: 'owner', label: t('fields.owner'), children: dash(c.ownerName) },
    { key: 'ownerDept', label: t('fields.ownerDept'), children: dash(c.ownerDeptName) },
    { key: 'createdBy', label: t('fields.createdBy'), children: dash(labels.userName(c.createdBy)) },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(c.createdAt, i18n.language) },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(c.updatedAt, i18n.language) },
    {
      key: 'remarks',
      label: t('fields.remarks'),
      span: 'filled' as const,
      children: c.remarks ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.remarks}</Typography.Paragraph> : '—',
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="customer-detail-name">{c.name}</span>
            {c.isKey && (
              <Tag color="gold" icon={<StarFilled />} style={{ fontWeight: 'normal', marginInlineEnd: 0 }}>
                {t('detail.keyCustomer')}
              </Tag>
            )}
            {c.grade && <GradeTag grade={c.grade} label={labels.grade.label(c.grade)} />}
          </Space>
        }
        sub={
          <Space size={4} wrap split={<Typography.Text type="secondary">·</Typography.Text>}>
            <span>
              {c.ownerDeptName
                ? t('detail.ownerWithDept', { name: dash(c.ownerName), dept: c.ownerDeptName })
                : t('detail.owner', { name: dash(c.ownerName) })}
            </span>
            <span>{labels.typeLabel(c.customerType)}</span>
            {c.industry && <span>{labels.industry.label(c.industry)}</span>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
              {t('common:actions.back')}
            </Button>
            <QuickFollowUpButton type="primary" customer={{ id: c.id, name: c.name }} onSaved={() => setTab('timeline')} />
            {can('customers', 'edit') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common:actions.edit')}
              </Button>
            )}
            {can('customers', 'edit') && <ReleaseToPoolButton customer={{ id: c.id, name: c.name }} onReleased={onBack} />}
            {can('customers', 'delete') && <DeleteCustomerButton customer={{ id: c.id, name: c.name }} onDeleted={onBack} />}
          </Space>
        }
      />

      <Card variant="borderless" title={t('detail.info')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" items={items} data-testid="customer-fields" />
      </Card>

      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'timeline',
              label: t('followUps:timeline.tab'),
              children: <CustomerTimeline customer={{ id: c.id, name: c.name }} />,
            },
            {
              key: 'contacts',
              label: (
                <Space size={6}>
                  {t('detail.contactsTab')}
                  <Badge count={c.contactCount} showZero color={tab === 'contacts' ? '#1677ff' : '#bfbfbf'} size="small" />
                </Space>
              ),
              children: <CustomerContacts customer={{ id: c.id, name: c.name }} />,
            },
            ...(can('opportunities', 'view')
              ? [
                  {
                    key: 'opportunities',
                    label: t('opportunities:customerTab.title'),
                    children: <CustomerOpportunities customer={{ id: c.id, name: c.name }} />,
                  },
                ]
              : []),
            ...(can('contracts', 'view')
              ? [
                  {
                    key: 'contracts',
                    label: t('contracts:related.title'),
                    children: <CustomerContracts customer={{ id: c.id, name: c.name }} />,
                  },
                ]
              : []),
            ...registeredTabs,
            {
              key: 'history',
              label: t('detail.historyTab'),
              children: (
                <div style={{ paddingTop: 8 }}>
                  <HistoryTimeline
                    plural="customers"
                    id={c.id}
                    fieldLabel={labels.historyFieldLabel}
                    valueLabel={labels.historyValueLabel}
                  />
                </div>
              ),
            },
          ]}
        />
      </Card>

      <CustomerFormDrawer open={editing} customer={c} onClose={() => setEditing(false)} />
    </>
  );
}
