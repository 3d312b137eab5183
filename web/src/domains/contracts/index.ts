import { FileProtectOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { ContractDetailPage } from './contract-detail-page.js';
import { ContractEditorPage } from './contract-editor-page.js';
import { ContractListPage } from './contract-list-page.js';
import { contractMessages } from './messages.js';

/** Q4, Q5: the contract list, the new/edit page (from an accepted quote or by hand) and the detail page. */
export const contractsDomain: WebDomain = {
  key: 'contracts',
  messages: contractMessages,
  routes: [
    { path: '/contracts', element: createElement(ContractListPage) },
    { path: '/contracts/new', element: createElement(ContractEditorPage) },
    { path: '/contracts/:id', element: createElement(ContractDetailPage) },
    { path: '/contracts/:id/edit', element: createElement(ContractEditorPage) },
  ],
  menu: [
    {
      path: '/contracts',
      label: 'contracts:menu.list',
      icon: createElement(FileProtectOutlined),
      // 销售工作, right after 报价单 (17).
      group: 'work',
      order: 18,
      permission: ['contracts', 'view'],
    },
  ],
};
