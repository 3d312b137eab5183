import { CalendarOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { CalendarPage } from './calendar-page.js';
import { calendarMessages } from './messages.js';

/** C5: one schedule for tasks, planned visits and next follow-up dates. */
export const calendarDomain: WebDomain = {
  key: 'calendar',
  messages: calendarMessages,
  routes: [{ path: '/calendar', element: createElement(CalendarPage) }],
  menu: [
    {
      path: '/calendar',
      label: 'calendar:menu.list',
      icon: createElement(CalendarOutlined),
      group: 'work',
      order: 45,
      // The calendar is mostly the user's tasks; the server scopes every source by itself.
      permission: ['tasks', 'view'],
    },
  ],
};
