import { ApartmentOutlined, FunnelPlotOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { AssignmentRulesPage } from './assignment-rules-page.js';
import { LeadsPage } from './leads-page.js';
import { leadMessages } from './messages.js';

/** C3: leads, the public pool, conversion, and the admin's routing rules. */
export const leadsDomain: WebDomain = {
  key: 'leads',
  messages: leadMessages,
  routes: [
    { path: '/leads', element: createElement(LeadsPage) },
    { path: '/admin/lead-rules', element: createElement(AssignmentRulesPage) },
  ],
  menu: [
    {
      path: '/leads',
      label: 'leads:menu.list',
      icon: createElement(FunnelPlotOutlined),
      group: 'work',
      order: 5,
      permission: ['leads', 'view'],
    },
    {
      path: '/admin/lead-rules',
      label: 'leads:menu.rules',
      icon: createElement(ApartmentOutlined),
      group: 'admin',
      order: 60,
      permission: ['users', 'edit'],
    },
  ],
};
