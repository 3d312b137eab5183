import { UnorderedListOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { picklistMessages } from './messages.js';
import { PicklistsPage } from './picklists-page.js';

/** P5: administrators maintain the picklist values forms offer. */
export const picklistsDomain: WebDomain = {
  key: 'picklists',
  messages: picklistMessages,
  routes: [{ path: '/admin/picklists', element: createElement(PicklistsPage) }],
  menu: [
    {
      path: '/admin/picklists',
      label: 'picklists:menu',
      icon: createElement(UnorderedListOutlined),
      group: 'admin',
      order: 40,
      permission: ['picklists', 'edit'],
    },
  ],
};
