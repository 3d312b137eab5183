import { SafetyCertificateOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { CreditListPage } from './credit-list-page.js';
import { CustomerCreditTab } from './credit-tab.js';
import { creditMessages } from './messages.js';

/** M3 信用额度: the customer's credit tab and finance's list of customers by usage of their limit. */
export const creditDomain: WebDomain = {
  key: 'credit',
  messages: creditMessages,
  routes: [{ path: '/credit-limits', element: createElement(CreditListPage) }],
  menu: [
    {
      path: '/credit-limits',
      label: 'credit:menu.list',
      icon: createElement(SafetyCertificateOutlined),
      group: 'work',
      order: 19,
      permission: ['credit_limits', 'edit'],
    },
  ],
  recordTabs: [
    {
      host: 'customer',
      key: 'credit',
      label: 'credit:tab.title',
      order: 90,
      permission: ['credit_limits', 'view'],
      render: (record) => createElement(CustomerCreditTab, { record }),
    },
  ],
};
