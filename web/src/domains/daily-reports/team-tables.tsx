import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { companyDate } from '../../shared/dates.js';
import type { SectionHead, TeamDepartment, TeamRep, TeamSummary } from './api.js';

type Figures = { counts: Record<string, number>; done: Record<string, number> };
// Zero shows as a dot, so the figures that are there stand out.
const figure = (r: Figures, s: SectionHead) => {
  const count = r.counts[s.key] ?? 0;
  if (count === 0) return '·';
  return s.tally === 'done' ? `${r.done[s.key] ?? 0}/${count}` : String(count);
};

const sectionColumns = <T extends Figures>(sections: SectionHead[]): ColumnsType<T> =>
  sections.map((s) => ({ key: s.key, title: s.title, width: 90, align: 'right', render: (_: unknown, r: T) => figure(r, s) }));

/** One row per rep: each section's count, and the reasons a manager should look. */
export function RepTable({ summary, linkDay }: { summary: TeamSummary; linkDay: string }) {
  const { t } = useTranslation('dailyReports');
  const columns: ColumnsType<TeamRep> = [
    {
      key: 'rep',
      title: t('team.rep'),
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <span>
          <Link to={`/daily-report?day=${linkDay}&userId=${r.userId}`} data-testid="team-rep-link">
            {r.displayName}
          </Link>
          {r.activityCount === 0 && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('team.silentTag')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'dept', title: t('team.department'), width: 120, render: (_, r) => r.departmentName ?? '—' },
    ...sectionColumns<TeamRep>(summary.sections),
    { key: 'activity', title: t('team.activity'), width: 80, align: 'right', render: (_, r) => <strong>{r.activityCount}</strong> },
    { key: 'notes', title: t('team.notesDays'), width: 100, align: 'right', render: (_, r) => r.notesDays },
    {
      key: 'untouched',
      title: t('team.untouched'),
      width: 110,
      align: 'right',
      render: (_, r) => (r.untouchedKeyCustomers ? <Typography.Text type="danger">{r.untouchedKeyCustomers}</Typography.Text> : 0),
    },
  ];
  return (
    <Table<TeamRep>
      rowKey="userId"
      size="small"
      columns={columns}
      dataSource={summary.reps}
      pagination={summary.reps.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="team-rep-table"
    />
  );
}

type DeptNode = TeamDepartment & { children?: DeptNode[] };

/** The department tree, each row adding up everything below it. */
export function DepartmentTable({ summary }: { summary: TeamSummary }) {
  const { t } = useTranslation('dailyReports');
  const ids = new Set(summary.departments.map((d) => d.id));
  const nodes = new Map<string, DeptNode>(summary.departments.map((d) => [d.id, { ...d }]));
  const roots: DeptNode[] = [];
  for (const d of nodes.values()) {
    const parent = d.parentId && ids.has(d.parentId) ? nodes.get(d.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), d];
    else roots.push(d);
  }
  const columns: ColumnsType<DeptNode> = [
    { key: 'name', title: t('team.department'), fixed: 'left', width: 180, render: (_, d) => d.name },
    { key: 'reps', title: t('team.reps'), width: 70, align: 'right', render: (_, d) => d.repCount },
    {
      key: 'silent',
      title: t('team.silentCount'),
      width: 80,
      align: 'right',
      render: (_, d) => (d.silentCount ? <Typography.Text type="danger">{d.silentCount}</Typography.Text> : 0),
    },
    ...sectionColumns<DeptNode>(summary.sections),
  ];
  return (
    <Table<DeptNode>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={roots}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      scroll={{ x: 'max-content' }}
      data-testid="team-department-table"
    />
  );
}

type Untouched = TeamSummary['untouchedKeyCustomers'][number];

export function UntouchedTable({ summary }: { summary: TeamSummary }) {
  const { t } = useTranslation('dailyReports');
  const columns: ColumnsType<Untouched> = [
    { key: 'name', title: t('team.customer'), render: (_, c) => <Link to={`/customers/${c.id}`}>{c.name}</Link> },
    { key: 'owner', title: t('team.owner'), width: 100, render: (_, c) => c.ownerName },
    {
      key: 'overdue',
      title: t('team.lastFollowUp'),
      width: 200,
      render: (_, c) =>
        c.lastFollowUpAt ? (
          <span>
            {companyDate(c.lastFollowUpAt)} <Tag color="red">{t('team.overdue', { count: c.overdueDays })}</Tag>
          </span>
        ) : (
          <Tag color="red">{t('team.never')}</Tag>
        ),
    },
  ];
  return (
    <Table<Untouched>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={summary.untouchedKeyCustomers}
      pagination={summary.untouchedKeyCustomers.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('team.untouchedNone') }}
    />
  );
}
