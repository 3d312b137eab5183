import { FieldTimeOutlined, MessageOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { DueCustomersPage } from './due-customers-page.js';
import { FollowUpListPage } from './follow-up-list-page.js';
import { followUpMessages } from './messages.js';
import { dueFollowUpsCard } from './due-follow-ups-card.js';

export { CustomerTimeline } from './customer-timeline.js';
export { QuickFollowUp, QuickFollowUpButton } from './quick-follow-up.js';

/** C4 follow-ups, C6 key-customer reminders (due list; the bell is the notifications domain's), C8 the customer timeline. */
export const followUpsDomain: WebDomain = {
  key: 'followUps',
  messages: followUpMessages,
  dashboardCards: [dueFollowUpsCard],
  routes: [
    { path: '/follow-ups', element: createElement(FollowUpListPage) },
    { path: '/follow-ups/due', element: createElement(DueCustomersPage) },
  ],
  menu: [
    {
      path: '/follow-ups',
      label: 'followUps:menu.list',
      icon: createElement(MessageOutlined),
      group: 'work',
      order: 30,
      permission: ['follow_ups', 'view'],
    },
    {
      path: '/follow-ups/due',
      label: 'followUps:menu.due',
      icon: createElement(FieldTimeOutlined),
      group: 'work',
      order: 35,
      permission: ['customers', 'view'],
    },
  ],
};
