import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  canvasTexts,
  type Harness,
  loginAs,
  PASSWORD,
  registerHarness,
  screenshot,
  submitLogin,
  WAIT_MS,
} from './harness.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let h: Harness;

registerHarness((started) => {
  h = started;
});

/** A PNG file's size in pixels, read from its IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number; bytes: number } {
  const data = fs.readFileSync(file);
  expect(data.length).toBeGreaterThan(1_000);
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length };
}

/** The layer antd's Watermark appends inside its container: a repeated background image. */
async function watermarkLayer(page: Page) {
  const wrapper = page.getByTestId('watermark');
  await wrapper.waitFor();
  await expect
    .poll(
      () =>
        wrapper.evaluate((el) =>
          [...el.querySelectorAll<HTMLElement>('div')].some((d) =>
            d.style.backgroundImage.startsWith('url("data:image/png;base64,'),
          ),
        ),
      { timeout: WAIT_MS },
    )
    .toBe(true);
  return wrapper.evaluate((el) => {
    const layer = [...el.querySelectorAll<HTMLElement>('div')].find((d) =>
      d.style.backgroundImage.startsWith('url("data:image/png;base64,'),
    )!;
    const style = getComputedStyle(layer);
    const box = layer.getBoundingClientRect();
    return {
      time: el.getAttribute('data-watermark-time') ?? '',
      imageLength: layer.style.backgroundImage.length,
      pointerEvents: style.pointerEvents,
      position: style.position,
      visibility: style.visibility,
      width: box.width,
      height: box.height,
    };
  });
}

/** What the watermark drew, once it has drawn a line naming this user. */
async function drawnWatermark(page: Page, realName: string, login: string): Promise<string[]> {
  await expect.poll(() => canvasTexts(page), { timeout: WAIT_MS }).toContain(`${realName} ${login}`);
  return canvasTexts(page);
}

describe('layout', () => {
  it('phone width: member signs in at 390×844, opens the menu from the header, sees the watermark', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/login');
    await page.getByTestId('login-input').waitFor();
    await page.getByText('政协信息工作平台').waitFor();
    // The login card fits the phone: no horizontal scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const loginShot = await screenshot(page, 'phone-login.png');

    await submitLogin(page, 'member', PASSWORD);
    await page.getByRole('heading', { name: '您好，韩志远' }).waitFor();
    await page.getByText('委员/特邀信息员').first().waitFor();
    // No side bar on a phone: the menu sits in a drawer opened from the header.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    const toggle = page.getByTestId('menu-toggle');
    await toggle.waitFor();
    expect(await page.getByTestId('menu').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const layer = await watermarkLayer(page);
    expect(layer.pointerEvents).toBe('none');
    const drawn = await drawnWatermark(page, '韩志远', 'member');
    expect(drawn).toContain(layer.time);
    const homeShot = await screenshot(page, 'phone-home.png');

    await toggle.click();
    const menu = page.getByTestId('menu');
    await menu.waitFor();
    const items = (await menu.locator('li.ant-menu-item').allTextContents()).map((t) => t.trim());
    expect(items).toEqual(['工作台', '我的信息', '我的履职', '个人设置']);
    await page.getByTestId('menu-profile').click();
    await page.waitForURL(/\/profile$/);
    await menu.waitFor({ state: 'hidden' });
    await page.getByText('基本信息').waitFor();
    await page.getByText('委员/特邀信息员 · ').first().waitFor();
    // Still watermarked on the next screen.
    expect((await watermarkLayer(page)).imageLength).toBeGreaterThan(100);

    for (const file of [loginShot, homeShot]) {
      const size = pngSize(file);
      expect(size.width).toBe(390);
      expect(size.height).toBe(844);
    }
    expect(loginShot).toBe(path.join(ARTIFACTS_DIR, 'phone-login.png'));
    expect(homeShot).toBe(path.join(ARTIFACTS_DIR, 'phone-home.png'));
  });

  it('watermark: every desktop page carries the user and the time, and it comes back when removed', async () => {
    const page = await h.newPage();
    await loginAs(page, 'chair');
    await page.getByRole('heading', { name: '您好，唐正华' }).waitFor();
    // A wide screen has the side bar and no drawer toggle.
    await page.locator('.ant-layout-sider').waitFor();
    expect(await page.getByTestId('menu-toggle').count()).toBe(0);

    const layer = await watermarkLayer(page);
    expect(layer.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The time is the browser's local time, within a couple of minutes of now.
    const shown = await page.evaluate(
      (time) => Date.now() - new Date(time.replace(' ', 'T')).getTime(),
      layer.time,
    );
    expect(Math.abs(shown)).toBeLessThan(3 * 60_000);
    expect(layer.pointerEvents).toBe('none');
    expect(layer.visibility).toBe('visible');
    expect(layer.position).toBe('absolute');
    expect(layer.width).toBeGreaterThan(500);
    expect(layer.height).toBeGreaterThan(200);
    expect(layer.imageLength).toBeGreaterThan(500);

    // The image's content: the user's name and login on one line, the time on the next.
    const drawn = await drawnWatermark(page, '唐正华', 'chair');
    expect(drawn).toContain(layer.time);
    expect(drawn.some((text) => text.includes('chair'))).toBe(true);

    // Removing the layer (as a "hide element" tool would) brings it straight back.
    await page.getByTestId('watermark').evaluate((el) => {
      const found = [...el.querySelectorAll<HTMLElement>('div')].find((d) =>
        d.style.backgroundImage.startsWith('url("data:image/png'),
      );
      found?.remove();
    });
    expect((await watermarkLayer(page)).imageLength).toBeGreaterThan(500);

    // Another screen, and a refused one, are watermarked too.
    await page.getByTestId('menu-profile').click();
    await page.waitForURL(/\/profile$/);
    await page.getByText('动态验证码（双因素认证）').waitFor();
    expect((await watermarkLayer(page)).imageLength).toBeGreaterThan(500);
    await page.goto('/users');
    await page.getByText('无权访问').waitFor();
    expect((await watermarkLayer(page)).imageLength).toBeGreaterThan(500);
    await drawnWatermark(page, '唐正华', 'chair');
    await screenshot(page, 'desktop-forbidden.png');
  });
});
