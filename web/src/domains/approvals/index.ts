import { AuditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { ApprovalInboxPage } from './approval-inbox-page.js';
import { ApprovalRequestPage } from './approval-request-page.js';
import { approvalMessages } from './messages.js';
import { ApprovalSettingsPage } from './settings/approval-settings-page.js';
import { TodoBadge } from './todo-badge.js';
import { pendingApprovalsCard } from './pending-approvals-card.js';

/** Q3: 审批中心, the request page (where notifications link), flow and numbering settings. */
export const approvalsDomain: WebDomain = {
  key: 'approvals',
  messages: approvalMessages,
  dashboardCards: [pendingApprovalsCard],
  routes: [
    { path: '/approvals', element: createElement(ApprovalInboxPage) },
    { path: '/approvals/:id', element: createElement(ApprovalRequestPage) },
    { path: '/settings/approval-flows', element: createElement(ApprovalSettingsPage) },
  ],
  menu: [
    {
      path: '/approvals',
      label: 'approvals:menu.inbox',
      icon: createElement(AuditOutlined),
      badge: createElement(TodoBadge),
      group: 'work',
      order: 42,
    },
    {
      path: '/settings/approval-flows',
      label: 'approvals:menu.settings',
      icon: createElement(NodeIndexOutlined),
      group: 'admin',
      order: 66,
      permission: ['approval_flows', 'view'],
    },
  ],
};
