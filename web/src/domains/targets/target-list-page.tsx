import { LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import type { TargetType } from '@contracts/targets.js';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { LoadError } from '../../shared/filter-bar.js';
import { useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Target, useTargets } from './api.js';
import { TargetCreateModal } from './target-create-modal.js';
import { TypeSelect, targetValue, thisYear, YearSelect } from './target-labels.js';

/** T1 目标设置: this year's targets of the company and the departments the caller sees, each opening its split. */
export function TargetListPage() {
  const { t } = useTranslation('targets');
  const { can } = useAuth();
  const lp = useListParams();
  const year = Number(lp.text('year')) || thisYear();
  const type = lp.text('type') as TargetType | undefined;
  const [creating, setCreating] = useState(false);
  const { data, isFetching, isError, error, refetch } = useTargets({ year, type });
  const columns = [
    {
      key: 'owner',
      title: t('list.owner'),
      render: (_: unknown, r: Target) => (
        <Link to={`/targets/${r.id}`}>
          {r.departmentName ?? t('company')}
          {r.dimensionLabel ? `（${r.dimensionLabel}）` : ''}
        </Link>
      ),
    },
    { key: 'type', title: t('list.type'), render: (_: unknown, r: Target) => t(`types.${r.type}`) },
    { key: 'amount', title: t('list.amount'), align: 'right' as const, render: (_: unknown, r: Target) => targetValue(r.type, r.amount) },
    {
      key: 'distributed',
      title: t('list.distributed'),
      align: 'right' as const,
      render: (_: unknown, r: Target) => targetValue(r.type, r.distributed),
    },
    {
      key: 'undistributed',
      title: t('list.undistributed'),
      align: 'right' as const,
      render: (_: unknown, r: Target) => (
        <Typography.Text type={Number(r.undistributed) > 0 ? 'warning' : 'secondary'}>
          {targetValue(r.type, r.undistributed)}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('list.status'),
      render: (_: unknown, r: Target) =>
        r.locked ? (
          <Tag icon={<LockOutlined />}>{t('list.locked')}</Tag>
        ) : (
          <Tag icon={<UnlockOutlined />} color="green">
            {t('list.open')}
          </Tag>
        ),
    },
    { key: 'split', render: (_: unknown, r: Target) => <Link to={`/targets/${r.id}`}>{t('list.split')}</Link> },
  ];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        sub={t('list.subtitle')}
        extra={
          can('targets', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="target-create">
              {t('list.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <YearSelect value={year} onChange={(v) => lp.update({ year: v === thisYear() ? undefined : v })} aria-label={t('list.year')} />
          <TypeSelect
            allowClear
            placeholder={t('list.allTypes')}
            value={type}
            onChange={(v) => lp.update({ type: v })}
            aria-label={t('list.type')}
          />
        </Space>
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        <Table<Target>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('list.empty')} /> }}
          data-testid="targets-table"
        />
      </Card>
      <TargetCreateModal open={creating} year={year} onClose={() => setCreating(false)} />
    </>
  );
}
