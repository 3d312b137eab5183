import { UploadOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { ImportPage } from './import-page.js';
import { importMessages } from './messages.js';

/**
 * C10: CSV/XLSX import of whatever the server's domains registered (GET /imports/targets). List
 * pages link here with their entity.
 */
export const importsDomain: WebDomain = {
  key: 'imports',
  messages: importMessages,
  routes: [{ path: '/imports', element: createElement(ImportPage) }],
  menu: [
    {
      path: '/imports',
      label: 'imports:title',
      icon: createElement(UploadOutlined),
      group: 'work',
      order: 95,
      permission: ['customers', 'create'],
    },
  ],
};
