import { FieldTimeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { dataTimelinessMessages } from './messages.js';
import { timelinessDashboardCard } from './timeliness-card.js';
import { TimelinessPage } from './timeliness-page.js';

/** T7 数据及时性 in the 销售分析 menu and its card on the manager's 工作台. */
export const dataTimelinessDomain: WebDomain = {
  key: 'dataTimeliness',
  messages: dataTimelinessMessages,
  dashboardCards: [timelinessDashboardCard],
  routes: [{ path: '/reports/data-timeliness', element: createElement(TimelinessPage) }],
  menu: [
    {
      path: '/reports/data-timeliness',
      label: 'dataTimeliness:menu.timeliness',
      icon: createElement(FieldTimeOutlined),
      group: 'analytics',
      order: 80,
      permission: ['opportunities', 'view'],
    },
  ],
};
