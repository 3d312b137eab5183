import { DeleteOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { recycleBinMessages } from './messages.js';
import { RecycleBinPage } from './recycle-bin-page.js';

/** P4: deleted records wait here until restored. */
export const recycleBinDomain: WebDomain = {
  key: 'recycleBin',
  messages: recycleBinMessages,
  routes: [{ path: '/recycle-bin', element: createElement(RecycleBinPage) }],
  // Everyone gets the entry: the API shows each user only the records their role and data scope reveal.
  menu: [{ path: '/recycle-bin', label: 'recycleBin:menu', icon: createElement(DeleteOutlined), group: 'work', order: 90 }],
};
