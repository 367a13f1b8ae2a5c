import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';
import { act, JPEG } from '../helpers/returns.js';
import { closePortalTest, openAs as openPortalAs, openPortalTest, shot, type Lang, type PortalTest } from './portal-helpers.js';

/** Issue 19.7 in Chromium: the portal shows the evidence the shop asked for, takes the upload, and hands the case back. */
let env: PortalTest;
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;

beforeAll(async () => {
  env = await openPortalTest('evidence-portal', { realClock: true });
  ({ t, api, shop } = env);
}, 120_000);
afterAll(() => closePortalTest(env));

const openAs = (order: PortalOrder, path: string, lang: Lang) => openPortalAs(env, order, path, lang, 390);

describe('portal: evidence the shop asked for', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`shows the request and sends the upload (${lang})`, async () => {
      const order = await portalOrder(t, api, shop, { deliveredAt: new Date(t.clock.now().getTime() - 2 * 86_400_000).toISOString() });
      const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const asked = await act(api, shop.keys.agent, created.body.id, 'request_evidence', { kinds: ['label_photo', 'unboxing_video'], note: 'Please show the tag' });
      expect(asked.status).toBe(200);

      const { page, errors, close } = await openAs(order, `/returns/${created.body.id}`, lang);
      const card = page.getByTestId('evidence-request');
      await card.waitFor({ timeout: 60_000 });
      const text = await card.innerText();
      expect(text).toContain(lang === 'en' ? 'A photo of the shipping label' : '快递面单照片');
      expect(text).toContain(lang === 'en' ? 'A video of the unboxing' : '开箱视频');
      expect(await page.getByTestId('evidence-note').innerText()).toContain('Please show the tag');
      await shot(page, `evidence-request-${lang}-390`);
      // Nothing chosen: said in the buyer's language.
      await page.getByTestId('evidence-send').click();
      await expect.poll(() => card.innerText()).toContain(lang === 'en' ? 'Choose at least one photo or video.' : '请至少选择一张照片或一段视频。');
      const file = join(tmpdir(), `label-${lang}.jpg`);
      writeFileSync(file, JPEG);
      await page.getByTestId('evidence-files').setInputFiles(file);
      await page.getByTestId('evidence-send').click();
      await expect.poll(async () => (await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer })).body.status, { timeout: 30_000 }).toBe('requested');
      await expect.poll(() => page.getByTestId('evidence-request').count(), { timeout: 30_000 }).toBe(0);
      const detail = (await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer })).body;
      expect(detail.evidenceRequest.outcome).toBe('provided');
      expect(detail.evidence).toHaveLength(1);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
