import { AccountBookOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { ContractReceivablesTab } from './contract-receivables-tab.js';
import { CustomerReceivablesTab } from './customer-receivables-tab.js';
import { receivableMessages } from './messages.js';
import { ReceivablesPage } from './receivables-page.js';

/** M1 回款: 回款管理 (unpaid, overdue, not invoiced, payments, invoices) and the contract's 回款 tab. */
export const receivablesDomain: WebDomain = {
  key: 'receivables',
  messages: receivableMessages,
  routes: [
    { path: '/receivables', element: createElement(ReceivablesPage, { tab: 'unpaid' }) },
    { path: '/receivables/overdue', element: createElement(ReceivablesPage, { tab: 'overdue' }) },
    { path: '/receivables/uninvoiced', element: createElement(ReceivablesPage, { tab: 'uninvoiced' }) },
    { path: '/receivables/payments', element: createElement(ReceivablesPage, { tab: 'payments' }) },
    { path: '/receivables/invoices', element: createElement(ReceivablesPage, { tab: 'invoices' }) },
  ],
  menu: [
    {
      path: '/receivables',
      label: 'receivables:menu.receivables',
      icon: createElement(AccountBookOutlined),
      // 销售工作, right after 合同 (18).
      group: 'work',
      order: 19,
      permission: ['receivables', 'view'],
    },
  ],
  recordTabs: [
    {
      host: 'contract',
      key: 'receivables',
      label: 'receivables:tab.label',
      order: 10,
      permission: ['receivables', 'view'],
      render: (record) => createElement(ContractReceivablesTab, { record }),
    },
    {
      host: 'customer',
      key: 'receivables',
      label: 'receivables:tab.label',
      order: 10,
      permission: ['receivables', 'view'],
      render: (record) => createElement(CustomerReceivablesTab, { record }),
    },
  ],
};
