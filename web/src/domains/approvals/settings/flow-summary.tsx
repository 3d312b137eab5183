import type { Approver, Condition, FlowDefinition } from '@contracts/approvals.js';
import type { Locale } from '@contracts/common.js';
import { Descriptions, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format.js';
import { useUserOptions } from '../../../shared/owner-select.js';
import { useDepartments, useRoleLabel } from '../../organisation/public.js';
import { ModeTag } from '../approval-labels.js';
import { type ConditionField, OP_KEYS } from './flow-labels.js';

/** Names approvers and conditions the way the editor offers them: 按角色 财务, 指定人员 张三, 提交人的直属主管. */
export function useFlowWords(fields: ConditionField[]) {
  const { t, i18n } = useTranslation('approvals');
  const roleLabel = useRoleLabel();
  const users = useUserOptions();
  const departments = useDepartments();
  const userName = (id: string) => users.data?.items.find((u) => u.id === id)?.displayName ?? id.slice(0, 8);
  const approver = (a: Approver) =>
    a.kind === 'role'
      ? t('flow.roleNamed', { role: roleLabel(a.roleKey) })
      : a.kind === 'user'
        ? userName(a.userId)
        : t(`flow.approverKind.${a.kind}`);
  const condition = (c: Condition) => {
    const field = fields.find((f) => f.field === c.field);
    const value =
      field?.kind === 'money'
        ? formatMoney(c.value)
        : field?.kind === 'percent'
          ? `${c.value}%`
          : field?.kind === 'department'
            ? (departments.data?.items.find((d) => d.id === c.value)?.name ?? c.value)
            : c.value;
    return t('flow.when', { field: field?.labels[i18n.language as Locale] ?? c.field, op: t(`flow.ops.${OP_KEYS[c.op]}`), value });
  };
  return { approver, condition, userName };
}

/** A saved flow, read-only: its steps in order, then the rules that hold for all of them. */
export function FlowSummary({ definition, fields }: { definition: FlowDefinition; fields: ConditionField[] }) {
  const { t } = useTranslation('approvals');
  const words = useFlowWords(fields);
  return (
    <>
      <Steps
        // Side by side keeps a card short when several document types are listed; phones stack them (responsive).
        orientation="horizontal"
        titlePlacement="vertical"
        size="small"
        current={-1}
        style={{ marginBottom: 16 }}
        // A definition, not progress: every step reads in the normal text colour.
        styles={{ itemTitle: { color: 'rgba(0, 0, 0, 0.88)' }, itemContent: { color: 'rgba(0, 0, 0, 0.88)' } }}
        items={definition.steps.map((s, i) => ({
          key: i,
          status: 'wait',
          title: (
            <Space size={8}>
              {s.name}
              <ModeTag mode={s.mode} />
            </Space>
          ),
          content: (
            <div style={{ paddingInline: 8 }}>
              <div>{s.approvers.map(words.approver).join('、')}</div>
              <Typography.Text type={s.condition ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                {s.condition ? words.condition(s.condition) : t('flow.always')}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'fallback', label: t('flow.fallback'), children: words.userName(definition.fallbackUserId) },
          {
            key: 'self',
            label: t('flow.allowSelfApproval'),
            children: definition.allowSelfApproval ? t('common:yes') : t('common:no'),
          },
          { key: 'restart', label: t('flow.restartFrom'), children: t(`flow.restart.${definition.restartFrom}`) },
        ]}
      />
    </>
  );
}
