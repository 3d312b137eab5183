import { CheckSquareOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { taskMessages } from './messages.js';
import { TaskListPage } from './task-list-page.js';
import { todayTasksCard } from './today-tasks-card.js';

/** C5: to-dos with due and reminder times — quick tabs, tick-off in the list, a drawer for the rest. */
export const tasksDomain: WebDomain = {
  key: 'tasks',
  messages: taskMessages,
  dashboardCards: [todayTasksCard],
  routes: [{ path: '/tasks', element: createElement(TaskListPage) }],
  menu: [
    {
      path: '/tasks',
      label: 'tasks:menu.list',
      icon: createElement(CheckSquareOutlined),
      group: 'work',
      order: 40,
      permission: ['tasks', 'view'],
    },
  ],
};
