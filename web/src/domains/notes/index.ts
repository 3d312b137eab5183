import { BookOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { noteMessages } from './messages.js';
import { NotesPage } from './notes-page.js';

/** C11 notes (知识库). */
export const notesDomain: WebDomain = {
  key: 'notes',
  messages: noteMessages,
  routes: [{ path: '/notes', element: createElement(NotesPage) }],
  menu: [
    { path: '/notes', label: 'notes:menu', icon: createElement(BookOutlined), group: 'work', order: 55, permission: ['notes', 'view'] },
  ],
};
