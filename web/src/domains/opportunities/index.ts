import { ApartmentOutlined, FundOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { BoardPage } from './board-page.js';
import { OpportunityDetailPage } from './detail-page.js';
import { OpportunityListPage } from './list-page.js';
import { opportunityMessages } from './messages.js';
import { PipelinesPage } from './pipelines-page.js';
import { closingCard } from './closing-card.js';

/** O1–O4: the kanban board, the list (and stalled list), the detail page, and the pipelines admin. */
export const opportunitiesDomain: WebDomain = {
  key: 'opportunities',
  messages: opportunityMessages,
  dashboardCards: [closingCard],
  routes: [
    { path: '/opportunities', element: createElement(BoardPage) },
    { path: '/opportunities/list', element: createElement(OpportunityListPage) },
    { path: '/opportunities/:id', element: createElement(OpportunityDetailPage) },
    { path: '/admin/pipelines', element: createElement(PipelinesPage) },
  ],
  menu: [
    {
      path: '/opportunities',
      label: 'opportunities:menu.board',
      icon: createElement(FundOutlined),
      group: 'work',
      order: 15,
      permission: ['opportunities', 'view'],
    },
    {
      path: '/admin/pipelines',
      label: 'opportunities:menu.pipelines',
      icon: createElement(ApartmentOutlined),
      group: 'admin',
      order: 63,
      permission: ['users', 'edit'],
    },
  ],
};
