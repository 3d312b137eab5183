import { FileTextOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { dailyReportMessages } from './messages.js';
import { MyDayPage } from './my-day-page.js';
import { DailySettingsPage } from './settings-page.js';
import { TeamPage } from './team-page.js';

/** T3 销售日报: every rep's own day, the manager's team day and week, and the admin's delivery settings. */
export const dailyReportsDomain: WebDomain = {
  key: 'dailyReports',
  messages: dailyReportMessages,
  routes: [
    { path: '/daily-report', element: createElement(MyDayPage) },
    { path: '/daily-report/team', element: createElement(TeamPage) },
    { path: '/settings/daily-report', element: createElement(DailySettingsPage) },
  ],
  menu: [
    { path: '/daily-report', label: 'dailyReports:menu.mine', icon: createElement(FileTextOutlined), group: 'work', order: 5 },
    {
      path: '/daily-report/team',
      label: 'dailyReports:menu.team',
      icon: createElement(TeamOutlined),
      group: 'analytics',
      order: 5,
      // Managers and the director read their people's reports (users:view); a rep's scope has no team.
      permission: ['users', 'view'],
    },
    {
      path: '/settings/daily-report',
      label: 'dailyReports:menu.settings',
      icon: createElement(ScheduleOutlined),
      group: 'admin',
      order: 68,
      permission: ['roles', 'edit'],
    },
  ],
};
