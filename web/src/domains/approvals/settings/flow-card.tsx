import { EditOutlined } from '@ant-design/icons';
import type { Locale } from '@contracts/common.js';
import { Alert, Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.js';
import { formatDateTime } from '../../../shared/dates.js';
import type { Flow } from '../api.js';
import { FlowEditor } from './flow-editor.js';
import { FlowSummary } from './flow-summary.js';

/** One document type's flow: who saved which version, the steps, and the editor behind 修改流程. */
export function FlowCard({ flow }: { flow: Flow }) {
  const { t, i18n } = useTranslation('approvals');
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const label = flow.labels[i18n.language as Locale] ?? flow.documentType;

  const meta =
    flow.version !== null ? (
      <Typography.Text type="secondary">
        {flow.updatedBy && flow.updatedAt
          ? t('flow.savedBy', { name: flow.updatedBy, at: formatDateTime(flow.updatedAt, i18n.language) })
          : flow.updatedAt && formatDateTime(flow.updatedAt, i18n.language)}
      </Typography.Text>
    ) : flow.definition ? (
      <Typography.Text type="secondary">{t('flow.shipped')}</Typography.Text>
    ) : null;

  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid={`flow-card-${flow.documentType}`}
      title={
        <span>
          {label} {flow.version !== null && <Tag color="blue">{t('flow.version', { version: flow.version })}</Tag>}
        </span>
      }
      extra={
        !editing &&
        can('approval_flows', 'edit') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="flow-edit">
            {flow.definition ? t('flow.edit') : t('flow.setUp')}
          </Button>
        )
      }
    >
      {meta && <div style={{ marginBottom: 12 }}>{meta}</div>}
      {editing ? (
        <FlowEditor flow={flow} onClose={() => setEditing(false)} />
      ) : flow.definition ? (
        <FlowSummary definition={flow.definition} fields={flow.conditionFields} />
      ) : (
        <Alert type="warning" showIcon title={t('flow.none')} />
      )}
    </Card>
  );
}
