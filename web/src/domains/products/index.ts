import { ShoppingOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { productMessages } from './messages.js';
import { ProductListPage } from './product-list-page.js';

/** Q1: the product catalogue — categories, products and bundles, with costs only for those who may see them. */
export const productsDomain: WebDomain = {
  key: 'products',
  messages: productMessages,
  routes: [{ path: '/products', element: createElement(ProductListPage) }],
  menu: [
    {
      path: '/products',
      label: 'products:menu.list',
      icon: createElement(ShoppingOutlined),
      group: 'work',
      order: 58,
      permission: ['products', 'view'],
    },
  ],
};
