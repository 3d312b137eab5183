import { TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { CustomerDetailPage } from './customer-detail-page.js';
import { CustomerListPage } from './customer-list-page.js';
import { customerMessages } from './messages.js';

/** C1: the customer file — list, detail (with contacts and history), create and edit. */
export const customersDomain: WebDomain = {
  key: 'customers',
  messages: customerMessages,
  routes: [
    { path: '/customers', element: createElement(CustomerListPage) },
    { path: '/customers/:id', element: createElement(CustomerDetailPage) },
  ],
  menu: [
    {
      path: '/customers',
      label: 'customers:menu.list',
      icon: createElement(TeamOutlined),
      group: 'work',
      order: 10,
      permission: ['customers', 'view'],
    },
  ],
};
