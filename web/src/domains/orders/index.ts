import { CarOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { CustomerOrdersTab } from './customer-orders-tab.js';
import { DueBadge } from './due-badge.js';
import { DueDeliveriesPage } from './due-deliveries-page.js';
import { orderMessages } from './messages.js';
import { OrderDetailPage } from './order-detail-page.js';
import { OrderEditorPage } from './order-editor-page.js';
import { OrderListPage } from './order-list-page.js';

/** M2: the order list, the new/edit page, the detail page with deliveries, 发货提醒, and the customer's orders tab. */
export const ordersDomain: WebDomain = {
  key: 'orders',
  messages: orderMessages,
  routes: [
    { path: '/orders', element: createElement(OrderListPage) },
    { path: '/orders/new', element: createElement(OrderEditorPage) },
    { path: '/orders/:id', element: createElement(OrderDetailPage) },
    { path: '/orders/:id/edit', element: createElement(OrderEditorPage) },
    { path: '/deliveries/due', element: createElement(DueDeliveriesPage) },
  ],
  menu: [
    {
      path: '/orders',
      label: 'orders:menu.list',
      icon: createElement(ShoppingCartOutlined),
      // 销售工作, right after 合同 (18).
      group: 'work',
      order: 19,
      permission: ['orders', 'view'],
    },
    {
      path: '/deliveries/due',
      label: 'orders:menu.due',
      icon: createElement(CarOutlined),
      badge: createElement(DueBadge),
      group: 'work',
      order: 20,
      permission: ['orders', 'view'],
    },
  ],
  recordTabs: [
    {
      host: 'customer',
      key: 'orders',
      label: 'orders:tab.label',
      order: 30,
      permission: ['orders', 'view'],
      render: (record) => createElement(CustomerOrdersTab, { record }),
    },
  ],
};
