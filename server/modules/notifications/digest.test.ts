import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../lib/clock.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { act, type ItemWorld, makeItemWorld, newDraft } from '../../test/items.ts';
import { deliverOutbox, runDigest } from './digest.service.ts';

let t: TestContext;
let w: ItemWorld;
let gateway: http.Server;
const received: { mobile: string; text: string }[] = [];
let failNext = false;

beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (failNext) {
        failNext = false;
        res.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(body));
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const port = (gateway.address() as AddressInfo).port;
  t = await createTestContext({ config: { digestWebhookUrl: `http://127.0.0.1:${port}/sms` } });
  w = await makeItemWorld(t.ctx);
  await t.ctx.db.kysely
    .updateTable('users')
    .set({ mobile: '13900000001' })
    .where('id', '=', w.users.author.id)
    .execute();
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => gateway.close(r));
});

describe('unread digest', () => {
  it('tells a member who has not logged in, once, through the gateway', async () => {
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.editor, id, 'register');
    await act(t.ctx, w.actors.editor, id, 'return', { reason: '请补充数据来源' });
    expect(await runDigest(t.ctx)).toBe(0); // not yet old enough
    t.ctx.clock.advance(25 * HOUR);
    expect(await runDigest(t.ctx)).toBe(1);
    expect(await runDigest(t.ctx)).toBe(0); // each notice is summarised once

    failNext = true;
    expect(await deliverOutbox(t.ctx)).toBe(0);
    const failed = await t.ctx.db.kysely.selectFrom('message_outbox').selectAll().executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ sent_at: null, attempts: 1, last_error: 'HTTP 503' });
    expect(await deliverOutbox(t.ctx)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.mobile).toBe('13900000001');
    expect(received[0]?.text).toMatch(/^【民意直通车】您有2条未读消息：.*退回修改/);
    expect(await deliverOutbox(t.ctx)).toBe(0);
  });

  it('skips people who logged in after their notices arrived', async () => {
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.editor, id, 'register');
    t.ctx.clock.advance(HOUR);
    await t.ctx.db.kysely
      .updateTable('users')
      .set({ last_login_at: t.ctx.clock.iso() })
      .where('id', '=', w.users.author.id)
      .execute();
    t.ctx.clock.advance(25 * HOUR);
    expect(await runDigest(t.ctx)).toBe(0);
  });
});
