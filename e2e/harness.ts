/**
 * End-to-end harness: the real server in-process on a random port over a fresh SQLite file
 * seeded with the demo province, and Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type App, buildApp } from '../server/app.ts';
import { type AppContext, createContext } from '../server/context.ts';
import { type Db, openDb } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { testConfig } from '../server/test/context.ts';

/** Password of every demo account: policy-valid and free of every demo login name. */
export const PASSWORD = 'Minyi#E2e2026x';
/** Generous: the machine running these is shared and sometimes slow. */
export const WAIT_MS = 30_000;
export const ARTIFACTS_DIR = path.resolve('test-artifacts');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  ctx: AppContext;
  app: App;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page on it; closed in `close()` if still open. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Screenshots of every open page into test-artifacts/, named after a failed test. */
  captureFailure(testName: string): Promise<void>;
  /** Closes every browser context opened so far (between tests). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const webDir = path.resolve('dist/web');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npx vite build` before the e2e tests');
  }
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-e2e-'));
  let db: Db | null = null;
  let app: App | null = null;
  let browser: Browser | null = null;
  const contexts = new Set<BrowserContext>();

  const close = async () => {
    for (const context of contexts) await context.close().catch(() => {});
    contexts.clear();
    await browser?.close().catch(() => {});
    await app?.close().catch(() => {});
    await db?.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    db = openDb({ sqlitePath: path.join(dataDir, 'minyi.sqlite') });
    await migrateToLatest(db);
    const ctx = createContext(
      db,
      testConfig({
        demo: true,
        dataDir,
        webDir,
        rateLimitPerMinute: 100_000,
        loginRateLimitPerMinute: 100_000,
      }),
    );
    await seedDemo(ctx, PASSWORD);
    app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const started = browser;
    const startedApp = app;

    return {
      ctx,
      app: startedApp,
      baseUrl,
      browser: started,
      async newPage(options = {}) {
        const context = await started.newContext({
          baseURL: baseUrl,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          viewport: options.viewport ?? { width: 1366, height: 900 },
        });
        contexts.add(context);
        context.on('close', () => contexts.delete(context));
        context.setDefaultTimeout(WAIT_MS);
        context.setDefaultNavigationTimeout(WAIT_MS);
        // Records what the canvas draws: antd's Watermark paints its text into a background image.
        await context.addInitScript(() => {
          const drawn: string[] = [];
          (window as unknown as { __canvasTexts: string[] }).__canvasTexts = drawn;
          const original = CanvasRenderingContext2D.prototype.fillText;
          CanvasRenderingContext2D.prototype.fillText = function (
            this: CanvasRenderingContext2D,
            ...args: Parameters<CanvasRenderingContext2D['fillText']>
          ) {
            drawn.push(String(args[0]));
            return original.apply(this, args);
          };
        });
        return context.newPage();
      },
      async captureFailure(testName) {
        const base = testName.replace(/[^\w\u4e00-\u9fa5-]+/g, '_').slice(0, 60);
        let i = 0;
        for (const context of contexts) {
          for (const page of context.pages()) {
            i += 1;
            await page
              .screenshot({ path: path.join(ARTIFACTS_DIR, `failure-${base}-${i}.png`), fullPage: true })
              .catch(() => {});
          }
        }
      },
      async closePages() {
        for (const context of [...contexts]) await context.close().catch(() => {});
        contexts.clear();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------------------------

/** Texts drawn on canvases since the page loaded (see the init script above). */
export function canvasTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __canvasTexts?: string[] }).__canvasTexts ?? []);
}

/** Opens the login page and submits the password step. */
export async function submitLogin(page: Page, login: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://localhost').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByTestId('login-input').waitFor();
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByTestId('login-submit').click();
  await answered;
}

/** Logs in with the password alone and waits for the workbench. */
export async function loginAs(page: Page, login: string, password = PASSWORD): Promise<void> {
  await submitLogin(page, login, password);
  await page.getByTestId('header-user').waitFor();
}

/** The error shown on the login form, once it contains `expected`. */
export async function expectLoginError(page: Page, expected: string): Promise<void> {
  const alert = page.getByTestId('login-error');
  await alert.waitFor();
  await expect.poll(() => textOf(alert), { timeout: WAIT_MS }).toContain(expected);
}

/** A locator's text content ('' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

export async function logoutVia(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login(\?|$)/);
  await page.getByTestId('login-input').waitFor();
}

/** The one antd Select/TreeSelect dropdown that is open (they render in a portal). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible');
}

/**
 * Waits until an open dropdown has finished its entry animation and sits still: clicking an
 * option while the popup is still being placed can miss it (or scroll the page under it).
 */
async function settled(dropdown: Locator): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const state = await dropdown.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const moving = /-(appear|enter|leave)(\s|-|$)/.test(el.className);
          return moving ? 'moving' : `${box.x},${box.y},${box.width},${box.height}`;
        });
        const still = state !== 'moving' && state === last;
        last = state;
        return still;
      },
      { timeout: WAIT_MS, interval: 100 },
    )
    .toBe(true);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens an antd Select by clicking its control, optionally types a search, and picks the option
 * whose text is exactly `text`. Long lists are virtual: the list is scrolled until it shows up.
 */
export async function pickOption(page: Page, control: Locator, text: string, search?: string): Promise<void> {
  await control.click();
  const dropdown = openDropdown(page);
  await dropdown.waitFor();
  const options = dropdown.locator('.ant-select-item-option');
  if (search !== undefined) {
    await page.keyboard.type(search);
    // Searches may go to the server: wait until the options are the answer to this search.
    await expect
      .poll(
        async () => {
          const texts = await options.allTextContents();
          return texts.length > 0 && texts.every((t) => t.toLowerCase().includes(search.toLowerCase()));
        },
        { timeout: WAIT_MS, interval: 200 },
      )
      .toBe(true);
  }
  const option = options.filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });
  await expect
    .poll(
      async () => {
        if ((await option.count()) > 0) return true;
        // Outside the virtual list's window: scroll the list itself (a wheel could scroll the page).
        const holder = dropdown.locator('.ant-select-dropdown-list-holder').first();
        if ((await holder.count()) > 0) await holder.evaluate((el) => el.scrollBy(0, 96)).catch(() => {});
        return false;
      },
      { timeout: WAIT_MS, interval: 200 },
    )
    .toBe(true);
  await settled(dropdown);
  await option.first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

/** Opens an antd TreeSelect, types a search, and picks the tree node titled `text`. */
export async function pickTreeNode(page: Page, control: Locator, text: string): Promise<void> {
  await control.click();
  await page.keyboard.type(text);
  const node = openDropdown(page).locator(`.ant-select-tree-node-content-wrapper[title="${text}"]`).first();
  await node.waitFor();
  await settled(openDropdown(page));
  await node.click();
  await openDropdown(page).waitFor({ state: 'hidden' });
}

/** The text of the latest antd message toast (message.success / message.error). */
export function toast(page: Page, text: string): Locator {
  return page.locator('.ant-message-notice', { hasText: text }).first();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Registers the suite hooks of a browser test file: one server and browser for the file, a
 * screenshot of every open page when a test fails, fresh pages for each test. `bind` receives
 * the harness once it is up.
 */
export function registerHarness(bind: (h: Harness) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    bind(h);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await h?.captureFailure(task.name);
    await h?.closePages();
  });
  afterAll(async () => {
    await h?.close();
  });
}
