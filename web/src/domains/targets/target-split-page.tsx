import { ArrowLeftOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Empty, Row, Skeleton, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api-client.js';
import { LoadError } from '../../shared/filter-bar.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { PageHeader } from '../../shared/page-header.js';
import { type Cell, proposeSplit, saveCells, setLock, type TargetDetail, useTarget, useTargetChange } from './api.js';
import { fromFen, sumFen, toFen } from './grid-sums.js';
import { TargetAmountButton } from './target-amount-button.js';
import { cellKey, MONTHS, rowKey, TargetGrid, type Values } from './target-grid.js';
import { targetValue, thisYear } from './target-labels.js';

const isCount = (t: TargetDetail) => t.type === 'new_customers';
const valuesOf = (t: TargetDetail, cells: Cell[]): Values =>
  Object.fromEntries(
    cells.filter((c) => Number(c.amount) !== 0).map((c) => [cellKey(rowKey(c), c.month), isCount(t) ? String(Number(c.amount)) : c.amount]),
  );

/** The server's messages, field by field, in one line (the grid has no form fields to put them on). */
const errorText = (e: unknown) =>
  e instanceof ApiError ? [e.message, ...Object.values(e.fields ?? {})].join('：') : e instanceof Error ? e.message : String(e);

/** T1 分解: a manager splits a yearly target to his people and sub-departments × months; sums live, remainder shown. */
export function TargetSplitPage() {
  const { id } = useParams();
  const { t } = useTranslation('targets');
  const { message } = App.useApp();
  const { data: target, isLoading, isError, error, refetch } = useTarget(id);
  const [values, setValues] = useState<Values>({});
  const [method, setMethod] = useState<'even' | 'last_year' | 'manual'>('manual');
  const [dirty, setDirty] = useState(false);
  const save = useTargetChange((body: unknown) => saveCells(id as string, body));
  const lock = useTargetChange((locked: boolean) => setLock(id as string, locked));

  useEffect(() => {
    if (target && !dirty) {
      setValues(valuesOf(target, target.cells));
      setMethod(target.splitMethod);
    }
  }, [target, dirty]);

  if (isLoading) return <Skeleton active />;
  if (isError || !target) return <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />;

  const count = isCount(target);
  const distributed = sumFen(Object.values(values));
  const remainder = (toFen(target.amount) ?? 0n) - distributed;
  const invalid = Object.values(values).some((v) => toFen(v) === null);
  const fmt = (fen: bigint) => targetValue(target.type, fromFen(fen));

  const propose = async (how: 'even' | 'last_year') => {
    try {
      const { cells } = await proposeSplit(target.id, {
        method: how,
        rows: target.rows.map((r) => ({ userId: r.userId, departmentId: r.departmentId })),
      });
      setValues(valuesOf(target, cells));
      setMethod(how);
      setDirty(true);
      message.info(t('grid.proposalHint', { method: t(`grid.methods.${how}`) }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const submit = async () => {
    const cells = target.rows.flatMap((r) =>
      MONTHS.map((month) => ({ userId: r.userId, departmentId: r.departmentId, month, amount: values[cellKey(rowKey(r), month)] || '0' })),
    );
    try {
      await save.mutateAsync({ version: target.version, method, cells: cells.filter((c) => (toFen(c.amount) ?? 0n) > 0n) });
      setDirty(false);
      message.success(t('grid.saved'));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const toggleLock = async () => {
    try {
      await lock.mutateAsync(!target.locked);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/targets" aria-label={t('grid.back')}>
              <ArrowLeftOutlined />
            </Link>
            {target.title}
          </Space>
        }
        extra={
          target.canReopen && (
            <Button
              icon={target.locked ? <UnlockOutlined /> : <LockOutlined />}
              onClick={toggleLock}
              loading={lock.isPending}
              data-testid="target-lock"
            >
              {target.locked ? t('grid.reopen') : t('grid.lock')}
            </Button>
          )
        }
      />
      {target.locked && (
        <Alert type="info" showIcon icon={<LockOutlined />} message={t('grid.lockedBanner')} style={{ marginBottom: 12 }} />
      )}
      {!target.locked && target.reopenedAt && target.year <= thisYear() && (
        <Alert type="warning" showIcon message={t('grid.reopenedBanner')} style={{ marginBottom: 12 }} />
      )}
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={[24, 12]} align="middle">
          <Col xs={12} md={5}>
            <Statistic title={t('grid.target')} valueRender={() => targetValue(target.type, target.amount)} />
            {target.editable && <TargetAmountButton target={target} />}
          </Col>
          {target.parentAllocation !== null && (
            <Col xs={12} md={5}>
              <Statistic title={t('grid.parent')} valueRender={() => targetValue(target.type, target.parentAllocation)} />
            </Col>
          )}
          <Col xs={12} md={5}>
            <Statistic title={t('grid.distributed')} valueRender={() => <span data-testid="grid-distributed">{fmt(distributed)}</span>} />
          </Col>
          <Col xs={12} md={5}>
            <Statistic
              title={t('grid.undistributed')}
              valueStyle={{ color: remainder < 0n ? '#cf1322' : remainder > 0n ? '#d48806' : '#389e0d' }}
              valueRender={() => (
                <span data-testid="grid-remainder">{remainder < 0n ? t('grid.over', { amount: fmt(-remainder) }) : fmt(remainder)}</span>
              )}
            />
          </Col>
        </Row>
      </Card>
      <Card
        extra={
          target.editable && (
            <Space wrap>
              <Button onClick={() => void propose('even')} data-testid="split-even">
                {t('grid.even')}
              </Button>
              <Button onClick={() => void propose('last_year')} data-testid="split-last-year">
                {t('grid.lastYear')}
              </Button>
              {dirty && (
                <Button onClick={() => setDirty(false)} data-testid="split-reset">
                  {t('grid.reset')}
                </Button>
              )}
              <Button
                type="primary"
                onClick={submit}
                loading={save.isPending}
                disabled={invalid || remainder < 0n}
                data-testid="split-save"
              >
                {t('grid.save')}
              </Button>
            </Space>
          )
        }
        title={t(`types.${target.type}`)}
      >
        {target.rows.length === 0 ? (
          <Empty description={t('grid.noRows')} />
        ) : (
          <TargetGrid
            rows={target.rows}
            values={values}
            count={count}
            editable={target.editable}
            onChange={(key, v) => {
              setValues((prev) => ({ ...prev, [key]: v }));
              setMethod('manual');
              setDirty(true);
            }}
          />
        )}
      </Card>
      <Collapse
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'history',
            label: t('grid.history'),
            children: (
              <HistoryTimeline
                plural="targets"
                id={target.id}
                fieldLabel={(f) => t(`grid.fields.${f}`, { defaultValue: f })}
                valueLabel={(f, v) => {
                  if (f === 'split' && v && typeof v === 'object')
                    return Object.entries(v as Record<string, string>)
                      .map(([name, amount]) => `${name} ${targetValue(target.type, amount)}`)
                      .join('，');
                  if (f === 'split_method' && typeof v === 'string') return t(`grid.methods.${v}`);
                  if (f === 'locked') return v ? t('grid.lockedYes') : t('grid.lockedNo');
                  return undefined;
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
