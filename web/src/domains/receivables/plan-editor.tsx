import { addMonths } from '@contracts/receivables.js';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Input, InputNumber, Row, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { DATE, companyToday, dateFromPicker, dateToPicker } from '../../shared/dates.js';
import { FormModal, MoneyInput, freshOnEachOpen } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { type PaymentPlan, proposeSplit, useSavePlan } from './api.js';
import { fenOf, planTotals } from './receivable-math.js';

interface PlanRow {
  key: string;
  /** An instalment already saved keeps its id, and with it the money allocated to it. */
  id?: string;
  dueDate: string | null;
  amount: string | null;
  milestone: string;
  allocated: string;
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

interface Props {
  open: boolean;
  plan: PaymentPlan;
  contractNumber: string;
  onClose: () => void;
}

/** M1: the plan's instalments, editable, with the live sum against the contract amount and an even split helper. */
export const PlanEditor = freshOnEachOpen(PlanEditorSession);

function PlanEditorSession({ open, plan, contractNumber, onClose }: Props) {
  const { t } = useTranslation('receivables');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const [dirty, setDirty] = useState(false);
  const save = useSavePlan(plan.contractId);
  const [rows, setRows] = useState<PlanRow[]>(() =>
    plan.instalments.map((i) => ({
      key: i.id,
      id: i.id,
      dueDate: i.dueDate,
      amount: i.amount,
      milestone: i.milestone ?? '',
      allocated: i.allocated,
    })),
  );
  const [count, setCount] = useState<number | null>(Math.max(plan.instalments.length, 3));
  const [firstDue, setFirstDue] = useState<string | null>(plan.instalments[0]?.dueDate ?? companyToday());
  const [monthsApart, setMonthsApart] = useState<number | null>(1);
  const [splitting, setSplitting] = useState(false);
  const totals = planTotals(
    rows.map((r) => r.amount),
    plan.contractAmount,
  );
  const difference = fenOf(totals.difference) ?? 0n;

  const edit = (change: (rs: PlanRow[]) => PlanRow[]) => {
    setDirty(true);
    setRows(change);
  };
  const set = (index: number, patch: Partial<PlanRow>) => edit((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  // Closing over edits asks first, as every form does.
  const close = () => {
    if (!dirty || save.isPending) {
      onClose();
      return;
    }
    modal.confirm({
      title: tc('form.discardTitle'),
      content: tc('form.discardBody'),
      okText: tc('form.discardOk'),
      cancelText: tc('form.keepEditing'),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };
  const add = () =>
    edit((rs) => {
      const last = rs[rs.length - 1]?.dueDate;
      // A new instalment starts a month after the last, with what the plan still lacks.
      return [
        ...rs,
        {
          key: newKey(),
          dueDate: last ? addMonths(last, 1) : companyToday(),
          amount: difference > 0n ? totals.difference : null,
          milestone: '',
          allocated: '0.00',
        },
      ];
    });

  const split = async () => {
    if (!count || !firstDue) return;
    setSplitting(true);
    try {
      const proposal = await proposeSplit(plan.contractId, { count, firstDueDate: firstDue, monthsApart: monthsApart ?? 1 });
      // The saved instalments keep their places (and their allocations) in the new plan.
      edit((rs) =>
        proposal.instalments.map((p, i) => ({
          key: rs[i]?.key ?? newKey(),
          id: rs[i]?.id,
          dueDate: p.dueDate,
          amount: p.amount,
          milestone: rs[i]?.milestone ?? '',
          allocated: rs[i]?.allocated ?? '0.00',
        })),
      );
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSplitting(false);
    }
  };

  const submit = async () => {
    if (rows.some((r) => !r.dueDate) || totals.incomplete) {
      message.error(t('plan.needRows'));
      return;
    }
    if (!totals.balanced) {
      message.error(t('plan.needBalanced'));
      return;
    }
    try {
      await save.mutateAsync({
        instalments: rows.map((r) => ({
          id: r.id,
          dueDate: r.dueDate as string,
          amount: r.amount as string,
          milestone: r.milestone.trim() || null,
        })),
      });
      message.success(t('plan.saved'));
      onClose();
    } catch (e) {
      const fields = e instanceof ApiError && e.fields ? Object.values(e.fields) : [];
      message.error([(e as Error).message, ...fields].join('：'));
    }
  };

  const columns: TableColumnsType<PlanRow> = [
    { key: 'position', title: t('fields.position'), width: 56, align: 'center', render: (_, _r, i) => i + 1 },
    {
      key: 'dueDate',
      title: t('fields.dueDate'),
      width: 150,
      render: (_, r, i) => (
        <DatePicker
          format={DATE}
          value={dateToPicker(r.dueDate)}
          onChange={(d) => set(i, { dueDate: dateFromPicker(d) })}
          status={r.dueDate ? undefined : 'error'}
          style={{ width: '100%' }}
          data-testid="plan-due-date"
        />
      ),
    },
    {
      key: 'amount',
      title: t('fields.amount'),
      width: 180,
      render: (_, r, i) => {
        const allocated = fenOf(r.allocated) ?? 0n;
        const value = fenOf(r.amount);
        const below = allocated > 0n && value !== null && value < allocated;
        return (
          <Tooltip title={allocated > 0n ? t('plan.locked', { amount: formatMoney(r.allocated) }) : undefined}>
            <MoneyInput
              value={r.amount ?? undefined}
              min="0.01"
              onChange={(v) => set(i, { amount: v ?? null })}
              status={value === null || value <= 0n || below ? 'error' : undefined}
              data-testid="plan-amount"
            />
          </Tooltip>
        );
      },
    },
    {
      key: 'milestone',
      title: t('fields.milestone'),
      render: (_, r, i) => (
        <Input
          value={r.milestone}
          maxLength={100}
          placeholder={t('plan.milestonePlaceholder')}
          onChange={(e) => set(i, { milestone: e.target.value })}
        />
      ),
    },
    {
      key: 'allocated',
      title: t('fields.allocated'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, r) => (fenOf(r.allocated) ? formatMoney(r.allocated) : '—'),
    },
    {
      key: 'remove',
      width: 48,
      render: (_, r, i) => (
        <Tooltip title={t('plan.remove')}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('plan.remove')}
            // Money already allocated to an instalment keeps it in the plan.
            disabled={(fenOf(r.allocated) ?? 0n) > 0n}
            onClick={() => edit((rs) => rs.filter((_, n) => n !== i))}
          />
        </Tooltip>
      ),
    },
  ];

  const tone = totals.balanced ? 'success' : 'danger';
  const gap =
    difference === 0n
      ? t('plan.balanced')
      : difference > 0n
        ? t('plan.short', { amount: formatMoney(totals.difference) })
        : t('plan.exceed', { amount: formatMoney(totals.difference.slice(1)) });

  return (
    <FormModal
      open={open}
      width={920}
      title={t('plan.title', { number: contractNumber })}
      onClose={close}
      onSave={() => void submit()}
      saving={save.isPending}
      saveTestId="plan-save"
    >
      <div style={{ background: 'var(--ant-color-fill-quaternary, #fafafa)', padding: 12, borderRadius: 8, marginBottom: 16 }}>
        <Typography.Text strong>{t('plan.split')}</Typography.Text>
        <Row gutter={12} align="bottom" style={{ marginTop: 8 }}>
          <Col xs={8} md={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plan.count')}
            </Typography.Text>
            <InputNumber
              min={1}
              max={120}
              precision={0}
              value={count}
              onChange={setCount}
              style={{ width: '100%' }}
              data-testid="plan-split-count"
            />
          </Col>
          <Col xs={16} md={7}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plan.firstDue')}
            </Typography.Text>
            <DatePicker
              format={DATE}
              value={dateToPicker(firstDue)}
              onChange={(d) => setFirstDue(dateFromPicker(d))}
              style={{ width: '100%' }}
              data-testid="plan-split-first"
            />
          </Col>
          <Col xs={8} md={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plan.monthsApart')}
            </Typography.Text>
            <InputNumber min={0} max={24} precision={0} value={monthsApart} onChange={setMonthsApart} style={{ width: '100%' }} />
          </Col>
          <Col xs={16} md={9}>
            <Button onClick={() => void split()} loading={splitting} disabled={!count || !firstDue} data-testid="plan-split">
              {t('plan.splitGo')}
            </Button>
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
          {t('plan.splitHint')}
        </Typography.Text>
      </div>

      <Table<PlanRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="plan-rows"
      />
      <Button type="dashed" icon={<PlusOutlined />} onClick={add} block style={{ marginTop: 8 }} data-testid="plan-add">
        {t('plan.add')}
      </Button>

      <Space size={16} wrap style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }} data-testid="plan-totals">
        <span>
          {t('plan.sum')}：<strong className="money">{formatMoney(totals.sum)}</strong>
        </span>
        <span>
          {t('plan.contractAmount')}：<strong className="money">{formatMoney(plan.contractAmount)}</strong>
        </span>
        <Typography.Text type={tone} strong data-testid="plan-difference">
          {gap}
        </Typography.Text>
      </Space>
    </FormModal>
  );
}
