import { EnvironmentOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { visitPlanMessages } from './messages.js';
import { VisitPlansPage } from './visit-plans-page.js';
import { todayVisitsCard } from './today-visits-card.js';

/** C5: the visits a rep plans for a day, and for managers how plans turned into visits. */
export const visitPlansDomain: WebDomain = {
  key: 'visitPlans',
  messages: visitPlanMessages,
  dashboardCards: [todayVisitsCard],
  routes: [{ path: '/visit-plans', element: createElement(VisitPlansPage) }],
  menu: [
    {
      path: '/visit-plans',
      label: 'visitPlans:menu.list',
      icon: createElement(EnvironmentOutlined),
      group: 'work',
      order: 50,
      permission: ['visit_plans', 'view'],
    },
  ],
};
