import { FileTextOutlined, PercentageOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { quoteMessages } from './messages.js';
import { QuoteDetailPage } from './quote-detail-page.js';
import { QuoteEditorPage } from './quote-editor-page.js';
import { QuoteListPage } from './quote-list-page.js';
import { QuotePrintPage } from './quote-print-page.js';
import { QuoteSettingsPage } from './quote-settings-page.js';

/** Q2: the quote list, editor, detail and print view, and the quote settings (discount limits, accepted stage). */
export const quotesDomain: WebDomain = {
  key: 'quotes',
  messages: quoteMessages,
  routes: [
    { path: '/quotes', element: createElement(QuoteListPage) },
    { path: '/quotes/new', element: createElement(QuoteEditorPage) },
    { path: '/quotes/:id', element: createElement(QuoteDetailPage) },
    { path: '/quotes/:id/edit', element: createElement(QuoteEditorPage) },
    { path: '/quotes/:id/print', element: createElement(QuotePrintPage) },
    { path: '/settings/quotes', element: createElement(QuoteSettingsPage) },
  ],
  menu: [
    {
      path: '/quotes',
      label: 'quotes:menu.list',
      icon: createElement(FileTextOutlined),
      group: 'work',
      order: 17,
      permission: ['quotes', 'view'],
    },
    {
      path: '/settings/quotes',
      label: 'quotes:menu.settings',
      icon: createElement(PercentageOutlined),
      group: 'admin',
      order: 67,
      permission: ['approval_flows', 'edit'],
    },
  ],
};
