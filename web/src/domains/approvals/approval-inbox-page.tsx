import { UserSwitchOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Drawer, Grid, Row, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { REQUEST_STATUSES } from '@contracts/approvals.js';
import { ChoiceFilter } from '../../shared/list-kit/list-filters.js';
import { ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { type ApprovalBox, type ApprovalRow, useApprovalBox, useTodoCount } from './api.js';
import { useApprovalColumns } from './approval-columns.js';
import { useDocumentTypeOptions } from './approval-labels.js';
import { DelegationCard, useActiveDelegation } from './delegation-card.js';

const BOXES: ApprovalBox[] = ['todo', 'submitted', 'done'];
const boxOf = (raw: string | undefined): ApprovalBox => (BOXES.includes(raw as ApprovalBox) ? (raw as ApprovalBox) : 'todo');

/** Q3 审批中心: 待我审批 / 我发起的 / 我已审批, filtered by document type and status. */
export function ApprovalInboxPage() {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const list = useListPage({ name: 'approval', filters: ['documentType', 'status'] });
  const box = boxOf(list.text('box'));
  const [delegating, setDelegating] = useState(false);
  const active = useActiveDelegation();
  const todoCount = useTodoCount().data ?? 0;
  const query = useApprovalBox({
    box,
    documentType: list.text('documentType'),
    // Everything in 待我审批 is in approval: a status there would only hide rows.
    status: box === 'todo' ? undefined : list.text('status'),
    page: list.page,
    pageSize: list.pageSize,
  });
  const { columns, card } = useApprovalColumns(box);
  const typeOptions = useDocumentTypeOptions(list.text('documentType'));
  const statusOptions = REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));

  const label = (key: ApprovalBox) =>
    key === 'todo' && todoCount > 0 ? (
      <Space size={6}>
        {t('box.todo')}
        <Badge count={todoCount} size="small" overflowCount={99} />
      </Space>
    ) : (
      t(`box.${key}`)
    );

  return (
    <>
      <ListHeader
        list={list}
        title={t('inbox.title')}
        count={query.data && t('inbox.count', { count: query.data.total })}
        extra={
          <Badge dot={!!active} offset={[-4, 4]}>
            <Button icon={<UserSwitchOutlined />} onClick={() => setDelegating(true)} data-testid="approval-delegation">
              {t('inbox.delegation')}
            </Button>
          </Badge>
        }
      />
      <ListCard tabs>
        <Tabs
          activeKey={box}
          onChange={(key) => list.update({ box: key === 'todo' ? undefined : key, status: undefined })}
          items={BOXES.map((key) => ({ key, label: label(key) }))}
          tabBarGutter={phone ? 20 : undefined}
          data-testid="approval-tabs"
        />
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <ChoiceFilter
            list={list}
            name="documentType"
            placeholder={t('inbox.typeAll')}
            options={typeOptions}
            col={{ xs: 24, sm: 12, md: 8, xl: 5 }}
          />
          {box !== 'todo' && (
            <ChoiceFilter
              list={list}
              name="status"
              placeholder={t('inbox.statusAll')}
              options={statusOptions}
              col={{ xs: 24, sm: 12, md: 8, xl: 5 }}
            />
          )}
          {list.filtered && (
            <Col>
              <Button onClick={list.clearFilters}>{tc('list.clearFilters')}</Button>
            </Col>
          )}
        </Row>
        <ListTable<ApprovalRow>
          list={list}
          query={query}
          columns={columns}
          card={card}
          empty={{ text: t(`inbox.empty.${box}`), filteredText: t('inbox.emptyFiltered') }}
          errorTitle={t('inbox.loadFailed')}
          onRowClick={(row) => navigate(`/approvals/${row.id}`)}
        />
      </ListCard>
      <Drawer open={delegating} onClose={() => setDelegating(false)} title={t('delegation.title')} size={phone ? '100%' : 480}>
        <DelegationCard bare />
      </Drawer>
    </>
  );
}
