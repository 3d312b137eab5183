import { PieChartOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { salesReportMessages } from './messages.js';
import { ProductSalesPage } from './product-sales-page.js';

/** T5 产品销售分析 in the 销售分析 menu, for whoever may read contracts (sales are contract and order lines). */
export const salesReportsDomain: WebDomain = {
  key: 'salesReports',
  messages: salesReportMessages,
  routes: [{ path: '/reports/product-sales', element: createElement(ProductSalesPage) }],
  menu: [
    {
      path: '/reports/product-sales',
      label: 'salesReports:menu.productSales',
      icon: createElement(PieChartOutlined),
      group: 'analytics',
      order: 75,
      permission: ['contracts', 'view'],
    },
  ],
};
