import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The machine's network is closed: background services would only fail noisily.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Signs in through the login form. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(baseUrl);
  await page.locator('input#username').fill(username);
  await page.locator('input#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('user-menu').waitFor();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').hover();
  await page.locator('.ant-dropdown-menu-item').last().click();
  await page.locator('input#username').waitFor();
}

/**
 * Chooses an option in an Ant Design Select / TreeSelect by typing its label, and checks the field
 * now shows it. Options may still be loading or a previous dropdown still closing on a busy
 * machine, so a miss is retried.
 */
export async function chooseOption(page: Page, selector: string, label: string) {
  const field = page.locator(selector).locator("xpath=ancestor-or-self::*[contains(concat(' ', @class, ' '), ' ant-select ')][1]");
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(selector).click();
    await page.keyboard.type(label);
    const option = page
      .locator('.ant-select-dropdown:visible')
      .locator('.ant-select-item-option, .ant-select-tree-treenode')
      .filter({ hasText: label })
      .first();
    try {
      await option.click({ timeout: 10_000 });
    } catch {
      await page.keyboard.press('Escape');
      continue;
    }
    if ((await field.innerText()).includes(label)) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not choose "${label}" in ${selector}`);
}

/** A same-origin API call from the signed-in page (CSRF header as the app sends it). */
export function apiCall(p: Page, method: string, path: string, body?: unknown) {
  return p.evaluate(
    async ({ method, path, body }) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('crm_csrf='))
          ?.slice(9) ?? '';
      const r = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return r.json();
    },
    { method, path, body },
  );
}
