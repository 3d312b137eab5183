import { TrophyOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { GradingRulesPage } from './grading-rules-page.js';
import { gradingMessages } from './messages.js';

/** C7 customer grading rules (admin). */
export const gradingDomain: WebDomain = {
  key: 'grading',
  messages: gradingMessages,
  routes: [{ path: '/admin/grading-rules', element: createElement(GradingRulesPage) }],
  menu: [
    {
      path: '/admin/grading-rules',
      label: 'grading:menu',
      icon: createElement(TrophyOutlined),
      group: 'admin',
      order: 64,
      permission: ['users', 'edit'],
    },
  ],
};
