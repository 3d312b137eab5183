import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { profileMessages } from './messages.js';
import { ProfilePage } from './profile-page.js';

/** P6: personal settings, reached from the header's user menu (no menu entry). */
export const profileDomain: WebDomain = {
  key: 'profile',
  messages: profileMessages,
  routes: [{ path: '/profile', element: createElement(ProfilePage) }],
};
