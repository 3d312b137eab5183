import { BellOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { notificationMessages } from './messages.js';
import { NotificationBell } from './notification-bell.js';
import { NotificationCentrePage } from './notification-centre-page.js';
import { UnreadBadge } from './unread-badge.js';

/** The notification centre: the header bell, 消息中心, and the e-mail settings card the profile shows. */
export const notificationsDomain: WebDomain = {
  key: 'notifications',
  messages: notificationMessages,
  routes: [{ path: '/notifications', element: createElement(NotificationCentrePage) }],
  headerItems: [{ key: 'notifications', order: 20, element: createElement(NotificationBell) }],
  menu: [
    {
      path: '/notifications',
      label: 'notifications:menu',
      icon: createElement(BellOutlined),
      badge: createElement(UnreadBadge),
      group: 'work',
      order: 44,
    },
  ],
};
