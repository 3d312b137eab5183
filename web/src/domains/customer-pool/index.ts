import { CloudServerOutlined, SettingOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { customerPoolMessages } from './messages.js';
import { CustomerPoolPage } from './pool-page.js';
import { CustomerPoolRulesPage } from './rules-page.js';

/** C3 the public pool (公海) for customers, and its rules for the admin. */
export const customerPoolDomain: WebDomain = {
  key: 'customerPool',
  messages: customerPoolMessages,
  routes: [
    { path: '/customer-pool', element: createElement(CustomerPoolPage) },
    { path: '/admin/customer-pool-rules', element: createElement(CustomerPoolRulesPage) },
  ],
  menu: [
    {
      path: '/customer-pool',
      label: 'customerPool:menu.pool',
      icon: createElement(CloudServerOutlined),
      group: 'work',
      order: 12,
      permission: ['customers', 'view'],
    },
    {
      path: '/admin/customer-pool-rules',
      label: 'customerPool:menu.rules',
      icon: createElement(SettingOutlined),
      group: 'admin',
      order: 62,
      permission: ['users', 'edit'],
    },
  ],
};
