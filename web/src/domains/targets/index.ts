import { AimOutlined, FundOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { attainmentDashboardCard } from './attainment-card.js';
import { AttainmentPage } from './attainment-page.js';
import { targetMessages } from './messages.js';
import { TargetListPage } from './target-list-page.js';
import { TargetSplitPage } from './target-split-page.js';

/** T1 目标设置 (list, the split grid) and T2 目标达成 in the 销售分析 menu. */
export const targetsDomain: WebDomain = {
  key: 'targets',
  messages: targetMessages,
  dashboardCards: [attainmentDashboardCard],
  routes: [
    { path: '/targets', element: createElement(TargetListPage) },
    { path: '/targets/:id', element: createElement(TargetSplitPage) },
    { path: '/reports/attainment', element: createElement(AttainmentPage) },
  ],
  menu: [
    {
      path: '/reports/attainment',
      label: 'targets:menu.attainment',
      icon: createElement(FundOutlined),
      group: 'analytics',
      order: 5,
      permission: ['targets', 'view'],
    },
    {
      path: '/targets',
      label: 'targets:menu.settings',
      icon: createElement(AimOutlined),
      group: 'analytics',
      order: 6,
      permission: ['targets', 'create'],
    },
  ],
};
