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
 * now shows it. On a busy machine the previous picker may still be closing (its options — a
 * department such as 成都销售部 — would match 销售 too) or the options still loading, so we wait
 * until no other dropdown is open, look only inside the one this field opened, and retry a miss
 * with the search text replaced, not appended. A final miss says what the dropdown showed.
 */
export async function chooseOption(page: Page, selector: string, label: string) {
  const input = page.locator(selector);
  const field = input.locator("xpath=ancestor-or-self::*[contains(concat(' ', @class, ' '), ' ant-select ')][1]");
  const open = page.locator('.ant-select-dropdown:visible');
  let seen = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    await waitUntil(async () => (await open.count()) === 0, 5_000);
    await input.click();
    // A searchable picker's id is on its search input; a plain one (the language switch) has none.
    if (await input.evaluate((el) => el instanceof HTMLInputElement && !el.readOnly)) await input.fill(label);
    const option = open.locator('.ant-select-item-option, .ant-select-tree-treenode').filter({ hasText: label }).first();
    try {
      await option.click({ timeout: 10_000 });
    } catch {
      seen = (await open.allInnerTexts().catch(() => [])).join(' | ');
      await closeDropdowns(page);
      continue;
    }
    if ((await field.innerText()).includes(label)) return;
    seen = `field shows "${await field.innerText()}"`;
    await closeDropdowns(page);
  }
  await screenshot(page, `choose-option-miss-${label}`);
  throw new Error(`could not choose "${label}" in ${selector}; last seen: ${seen || 'no dropdown'}`);
}

/** Escape closes an open dropdown; pressed with none open it would close the modal around it. */
async function closeDropdowns(page: Page) {
  if ((await page.locator('.ant-select-dropdown:visible').count()) > 0) await page.keyboard.press('Escape');
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
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
