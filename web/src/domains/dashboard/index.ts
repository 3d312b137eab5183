import { HomeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { DashboardPage } from './dashboard-page.js';
import { dashboardMessages } from './messages.js';

/** T4 工作台: the home page, built from the cards the other domains register. */
export const dashboardDomain: WebDomain = {
  key: 'dashboard',
  messages: dashboardMessages,
  routes: [{ path: '/', element: createElement(DashboardPage) }],
  menu: [{ path: '/', label: 'dashboard:menu.home', icon: createElement(HomeOutlined), group: 'work', order: 0 }],
};
