import { Alert, Card, Empty, Result, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.js';
import { useListParams } from '../../../shared/list-state.js';
import { PageHeader } from '../../../shared/page-header.js';
import { useFlows } from '../api.js';
import { FlowCard } from './flow-card.js';
import { NumberSeriesTab } from './number-series-tab.js';

function FlowsTab() {
  const { t } = useTranslation('approvals');
  const flows = useFlows();
  if (flows.isLoading)
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (flows.isError) return <Alert type="error" showIcon title={t('settings.loadFailed')} description={flows.error?.message} />;
  const items = flows.data?.items ?? [];
  if (items.length === 0)
    return (
      <Card variant="borderless">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.noTypes')} />
      </Card>
    );
  return items.map((f) => <FlowCard key={`${f.documentType}:${f.version}`} flow={f} />);
}

/** Q3 admin: 审批流程 per document type and 编号规则, each on its tab (kept in the URL). */
export function ApprovalSettingsPage() {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { text, update } = useListParams();
  if (!can('approval_flows', 'view')) return <Result status="403" title="403" subTitle={tc('forbidden')} />;
  const tab = text('tab') === 'numbering' ? 'numbering' : 'flows';
  return (
    <>
      <PageHeader title={t('settings.title')} sub={t('settings.sub')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'flows' ? undefined : key })}
        items={[
          { key: 'flows', label: t('settings.tabs.flows'), children: <FlowsTab /> },
          { key: 'numbering', label: t('settings.tabs.numbering'), children: <NumberSeriesTab /> },
        ]}
        data-testid="approval-settings-tabs"
      />
    </>
  );
}
