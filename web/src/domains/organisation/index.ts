import { ApartmentOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { DepartmentsPage } from './departments-page.js';
import { organisationMessages } from './messages.js';
import { RolesPage } from './roles-page.js';
import { UsersPage } from './users-page.js';

/** P1, P2, C10: users, departments, roles and permissions. */
export const organisationDomain: WebDomain = {
  key: 'organisation',
  messages: organisationMessages,
  routes: [
    { path: '/admin/users', element: createElement(UsersPage) },
    { path: '/admin/departments', element: createElement(DepartmentsPage) },
    { path: '/admin/roles', element: createElement(RolesPage) },
  ],
  menu: [
    {
      path: '/admin/users',
      label: 'organisation:menu.users',
      icon: createElement(TeamOutlined),
      group: 'admin',
      order: 10,
      permission: ['users', 'view'],
    },
    {
      path: '/admin/departments',
      label: 'organisation:menu.departments',
      icon: createElement(ApartmentOutlined),
      group: 'admin',
      order: 20,
      permission: ['departments', 'view'],
    },
    {
      path: '/admin/roles',
      label: 'organisation:menu.roles',
      icon: createElement(SafetyCertificateOutlined),
      group: 'admin',
      order: 30,
      permission: ['roles', 'view'],
    },
  ],
};
