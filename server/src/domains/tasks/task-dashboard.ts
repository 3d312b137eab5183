import { listResponse } from '@contracts/common.js';
import { taskListQuery, taskSchema } from '@contracts/tasks.js';
import { addDays, businessDate, dayStart } from '../../platform/dates.js';
import { registerDashboardCard } from '../../platform/reports/dashboard-cards.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { listTasks } from './task-service.js';

const taskList = listResponse(taskSchema);
type Task = ReturnType<typeof taskList.parse>['items'][number];

const PRIORITY = {
  low: label('低', '低', 'Low'),
  normal: label('普通', '普通', 'Normal'),
  high: label('高', '高', 'High'),
  urgent: label('紧急', '緊急', 'Urgent'),
};
const STATUS = {
  open: label('未开始', '未開始', 'Open'),
  in_progress: label('进行中', '進行中', 'In progress'),
  done: label('已完成', '已完成', 'Done'),
  cancelled: label('已取消', '已取消', 'Cancelled'),
};

const COLUMNS: ReportColumn<Task>[] = [
  { label: label('任务', '任務', 'Task'), value: (t) => t.title },
  { label: label('截止时间', '截止時間', 'Due'), value: (t) => t.dueAt },
  { label: label('优先级', '優先級', 'Priority'), value: (t) => PRIORITY[t.priority] },
  { label: label('状态', '狀態', 'Status'), value: (t) => STATUS[t.status] },
  { label: label('客户', '客戶', 'Customer'), value: (t) => t.customerName },
  { label: label('负责人', '負責人', 'Owner'), value: (t) => t.ownerName },
];

/**
 * T4 工作台, a rep's morning: the open tasks due today (the task list's 今天 tab, same query) and
 * how many are overdue (its 已逾期 tab).
 */
registerDashboardCard({
  key: 'today-tasks',
  order: 10,
  audience: 'rep',
  permission: ['tasks', 'view'],
  title: label('今日任务', '今日任務', "Today's tasks"),
  run: async (env, actor) => {
    const clock = { now: () => env.now };
    const today = businessDate(env.now, env.timeZone);
    const [dueToday, overdue] = await Promise.all([
      listTasks(
        env.db,
        actor,
        clock,
        taskListQuery.parse({
          status: 'open,in_progress',
          dueFrom: dayStart(today, env.timeZone).toISOString(),
          dueTo: dayStart(addDays(today, 1), env.timeZone).toISOString(),
          pageSize: 10,
        }),
      ),
      listTasks(env.db, actor, clock, taskListQuery.parse({ overdue: 'true', pageSize: 1 })),
    ]);
    return { today: taskList.parse(dueToday), overdue: overdue.total };
  },
  table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.today.items)),
});
