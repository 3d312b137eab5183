import { FieldTimeOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { dataTimelinessMessages } from './messages.js';
import { TimelinessPage } from './timeliness-page.js';

/** T7 数据及时性 in the 销售分析 menu; the dashboard mounts its card through public.ts. */
export const dataTimelinessDomain: WebDomain = {
  key: 'dataTimeliness',
  messages: dataTimelinessMessages,
  routes: [{ path: '/reports/data-timeliness', element: createElement(TimelinessPage) }],
  menu: [
    {
      path: '/reports/data-timeliness',
      label: 'dataTimeliness:menu.timeliness',
      icon: createElement(FieldTimeOutlined),
      group: 'analytics',
      order: 80,
      permission: ['opportunities', 'view'],
    },
  ],
};
