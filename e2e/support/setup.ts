import type { Browser, Page } from 'playwright-core';
import { apiCall, launchBrowser, signIn, signOut } from './browser.js';
import { type RunningServer, startServer } from './server.js';

export const ADMIN_PASSWORD = 'Admin12345';

/** A fresh server (the demo company with `demo`), a browser and a desktop page signed in as admin. */
export async function startSignedIn({ demo = false, locale = 'zh-CN' } = {}): Promise<{
  server: RunningServer;
  browser: Browser;
  page: Page;
}> {
  const server = await startServer({ CRM_ADMIN_PASSWORD: ADMIN_PASSWORD, CRM_DEMO: demo ? '1' : '0' });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale });
  await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
  return { server, browser, page };
}

export interface TestUser {
  username: string;
  name: string;
  role: string;
}

/** Creates the users through the API (the page signed in as admin), each with one role; their ids by key. */
export async function createUsers<K extends string>(
  page: Page,
  users: Record<K, TestUser>,
  password: string,
  departmentOf: (key: K, user: TestUser) => string,
): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  for (const [key, u] of Object.entries(users) as [K, TestUser][]) {
    const created = await apiCall(page, 'POST', '/users', {
      username: u.username,
      displayName: u.name,
      password,
      roles: [u.role],
      departmentId: departmentOf(key, u),
    });
    ids[key] = created.id;
  }
  return ids;
}

/** Signs out whoever is signed in (if anyone) and signs in as `username`. */
export async function switchUser(page: Page, baseUrl: string, username: string, password: string) {
  await signOut(page).catch(() => undefined);
  await signIn(page, baseUrl, username, password);
}

/** A department of the company by name (the demo company's 华东销售部, say), as the API lists it. */
export async function findDepartment(page: Page, name: string): Promise<{ id: string; version: number }> {
  const departments = await apiCall(page, 'GET', '/departments');
  const found = (departments.items ?? departments).find((d: { name: string }) => d.name === name);
  if (!found) throw new Error(`no department ${name}`);
  return found;
}
