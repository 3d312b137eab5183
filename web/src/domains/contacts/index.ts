import { ContactsOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { ContactListPage } from './contact-list-page.js';
import { contactMessages } from './messages.js';

/** C2: the people at customers — a searchable list with a detail drawer; each customer also shows its own. */
export const contactsDomain: WebDomain = {
  key: 'contacts',
  messages: contactMessages,
  routes: [{ path: '/contacts', element: createElement(ContactListPage) }],
  menu: [
    {
      path: '/contacts',
      label: 'contacts:menu.list',
      icon: createElement(ContactsOutlined),
      group: 'work',
      order: 20,
      permission: ['contacts', 'view'],
    },
  ],
};
