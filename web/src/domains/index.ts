import type { WebDomain } from '../app/domain.js';

/** Every web domain registers here once; the shell builds routes, menu and translations from this list. */
export const webDomains: WebDomain[] = [];
