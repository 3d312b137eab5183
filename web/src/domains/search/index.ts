import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { searchMessages } from './messages.js';
import { SearchBox } from './search-box.js';
import { SearchPage } from './search-page.js';

/** C11 global search: the results page (the box itself sits in the app header). */
export const searchDomain: WebDomain = {
  key: 'search',
  messages: searchMessages,
  routes: [{ path: '/search', element: createElement(SearchPage) }],
  headerItems: [{ key: 'search', order: 10, element: createElement(SearchBox), desktopOnly: true }],
};
