import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Locale } from '@contracts/common.js';
import { Button, Card, Checkbox, Col, Form, Input, Popconfirm, Radio, Row, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnerSelect } from '../../../shared/owner-select.js';
import { DepartmentSelect, useRoleOptions } from '../../organisation/public.js';
import { type ConditionField, OP_KEYS, opsFor } from './flow-labels.js';
import type { ApproverKind } from './flow-form.js';

const APPROVER_KINDS: ApproverKind[] = ['submitter_manager', 'manager_of_manager', 'owner_manager', 'role', 'user'];
const MAX_APPROVERS = 10;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,12}(\.\d{1,4})?$/;

/** One approver entry: its kind, then the role or person it names. */
function ApproverRow({ step, entry, onRemove }: { step: number; entry: number; onRemove?: () => void }) {
  const { t } = useTranslation('approvals');
  const roles = useRoleOptions();
  const kind = Form.useWatch(['steps', step, 'approvers', entry, 'kind']) as ApproverKind | undefined;
  const required = [{ required: true, message: t('flow.required') }];
  return (
    <Space align="start" wrap style={{ display: 'flex' }} data-testid="flow-approver">
      <Form.Item name={[entry, 'kind']} rules={required} style={{ marginBottom: 8 }}>
        <Select style={{ width: 180 }} options={APPROVER_KINDS.map((k) => ({ value: k, label: t(`flow.approverKind.${k}`) }))} />
      </Form.Item>
      {kind === 'role' && (
        <Form.Item name={[entry, 'roleKey']} rules={required} style={{ marginBottom: 8 }}>
          <Select showSearch optionFilterProp="label" placeholder={t('flow.rolePlaceholder')} style={{ width: 200 }} options={roles} />
        </Form.Item>
      )}
      {kind === 'user' && (
        <Form.Item name={[entry, 'userId']} rules={required} style={{ marginBottom: 8 }}>
          <OwnerSelect placeholder={t('flow.userPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
      )}
      {onRemove && (
        <Tooltip title={t('flow.removeApprover')}>
          <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('flow.removeApprover')} />
        </Tooltip>
      )}
    </Space>
  );
}

/** The step applies only when a field of the document compares as chosen (amount > 1,000,000). */
function ConditionRow({ step, fields }: { step: number; fields: ConditionField[] }) {
  const { t, i18n } = useTranslation('approvals');
  const conditional = Form.useWatch(['steps', step, 'conditional']) as boolean | undefined;
  const fieldKey = Form.useWatch(['steps', step, 'condition', 'field']) as string | undefined;
  const kind = fields.find((f) => f.field === fieldKey)?.kind;
  const required = [{ required: true, message: t('flow.required') }];
  const valueRules =
    kind === 'money'
      ? [...required, { pattern: MONEY, message: t('flow.required') }]
      : kind === 'percent' || kind === 'number'
        ? [...required, { pattern: DECIMAL, message: t('flow.required') }]
        : [...required, { max: 100 }];
  return (
    <>
      <Form.Item name={[step, 'conditional']} valuePropName="checked" style={{ marginBottom: conditional ? 8 : 0 }}>
        <Checkbox disabled={fields.length === 0}>{t('flow.conditional')}</Checkbox>
      </Form.Item>
      {conditional && (
        <Space align="start" wrap style={{ display: 'flex' }} data-testid="flow-condition">
          <Form.Item name={[step, 'condition', 'field']} rules={required} style={{ marginBottom: 0 }}>
            <Select
              placeholder={t('flow.conditionField')}
              style={{ width: 160 }}
              options={fields.map((f) => ({ value: f.field, label: f.labels[i18n.language as Locale] ?? f.field }))}
            />
          </Form.Item>
          <Form.Item name={[step, 'condition', 'op']} rules={required} style={{ marginBottom: 0 }}>
            <Select
              placeholder={t('flow.conditionOp')}
              style={{ width: 120 }}
              options={opsFor(kind).map((op) => ({ value: op, label: t(`flow.ops.${OP_KEYS[op]}`) }))}
            />
          </Form.Item>
          <Form.Item name={[step, 'condition', 'value']} rules={valueRules} style={{ marginBottom: 0 }}>
            {kind === 'department' ? (
              <DepartmentSelect placeholder={t('flow.conditionValue')} style={{ width: 200 }} />
            ) : (
              <Input
                placeholder={t('flow.conditionValue')}
                prefix={kind === 'money' ? '¥' : undefined}
                suffix={kind === 'percent' ? '%' : undefined}
                style={{ width: 180 }}
                maxLength={100}
              />
            )}
          </Form.Item>
        </Space>
      )}
    </>
  );
}

interface StepCardProps {
  step: number;
  count: number;
  fields: ConditionField[];
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One step of the flow being edited: name, 或签/会签, approvers, condition; moved and removed from its header. */
export function StepCard({ step, count, fields, onMove, onRemove }: StepCardProps) {
  const { t } = useTranslation('approvals');
  const name = (Form.useWatch(['steps', step, 'name']) as string | undefined) || t('flow.stepN', { n: step + 1 });
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginBottom: 12 }}
      title={t('flow.stepN', { n: step + 1 })}
      data-testid="flow-step"
      extra={
        <Space size={0}>
          <Tooltip title={t('flow.moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={step === 0}
              onClick={() => onMove(-1)}
              aria-label={t('flow.moveUp')}
            />
          </Tooltip>
          <Tooltip title={t('flow.moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={step === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('flow.moveDown')}
            />
          </Tooltip>
          <Popconfirm
            title={t('flow.removeStepConfirm', { name })}
            onConfirm={onRemove}
            okButtonProps={{ danger: true }}
            disabled={count === 1}
          >
            <Tooltip title={t('flow.removeStep')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={count === 1} aria-label={t('flow.removeStep')} />
            </Tooltip>
          </Popconfirm>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[step, 'name']}
            label={t('flow.stepName')}
            rules={[{ required: true, whitespace: true, message: t('flow.required') }, { max: 60 }]}
          >
            <Input placeholder={t('flow.stepNamePlaceholder')} maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[step, 'mode']} label={t('flow.mode')}>
            <Radio.Group
              optionType="button"
              options={(['any', 'all'] as const).map((m) => ({ value: m, label: `${t(`mode.${m}`)} · ${t(`modeHint.${m}`)}` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('flow.approvers')} required style={{ marginBottom: 8 }}>
        <Form.List name={[step, 'approvers']}>
          {(entries, { add, remove }) => (
            <>
              {entries.map((entry) => (
                <ApproverRow
                  key={entry.key}
                  step={step}
                  entry={entry.name}
                  onRemove={entries.length > 1 ? () => remove(entry.name) : undefined}
                />
              ))}
              {entries.length < MAX_APPROVERS && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'role' })}>
                  {t('flow.addApprover')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <ConditionRow step={step} fields={fields} />
    </Card>
  );
}
