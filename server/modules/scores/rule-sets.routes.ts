import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import {
  ruleSetEffect,
  ruleSetInput,
  ruleSetSchema,
  ruleSetUpdate,
} from '../../../shared/schemas/scoring.ts';
import type { AppContext } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import {
  createRuleSet,
  deleteRuleSet,
  listRuleSets,
  previewRuleSet,
  ruleSetDesks,
  updateRuleSet,
} from './rule-sets.service.ts';

const TAGS = ['计分'];
const abilities = z.object({
  /** The CPPCCs whose tables are listed. */
  orgs: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Those whose tables the actor may add to. */
  manage: z.array(z.number().int()),
  /** The China-calendar day: a table effective on or before it reaches back. */
  today: z.string(),
});

/** Rule tables (R4.6): read by the office and statistics readers, written by the director. */
export function ruleSetRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/score-rule-sets',
      {
        schema: {
          tags: TAGS,
          summary: '计分规则（各套规则及其生效日期，含系统默认规则）',
          response: { 200: listOf(ruleSetSchema, abilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        const readable = await ruleSetDesks(db, actor, 'read');
        const manageable = await ruleSetDesks(db, actor, 'manage');
        const today = cstDate(ctx.clock.now());
        const orgs = [...readable].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id);
        const data = await listRuleSets(
          db,
          orgs.map((o) => o.id),
          today,
          manageable,
        );
        return { data, total: data.length, abilities: { orgs, manage: [...manageable.keys()], today } };
      },
    );

    app.post(
      '/score-rule-sets/preview',
      {
        schema: {
          tags: TAGS,
          summary: '试算：保存这套规则会怎样改变已有得分（不保存）',
          body: ruleSetInput,
          response: { 200: z.object({ data: ruleSetEffect }) },
        },
      },
      async (request) => ({ data: await previewRuleSet(ctx, actorOf(request), request.body) }),
    );

    app.post(
      '/score-rule-sets',
      {
        schema: {
          tags: TAGS,
          summary: '新建一套计分规则（生效日期不晚于今天时须填写追溯理由，并按新规则重算）',
          body: ruleSetInput,
          response: { 200: z.object({ data: z.object({ id: z.number().int(), effect: ruleSetEffect }) }) },
        },
      },
      async (request) => ({
        data: await createRuleSet(ctx, actorOf(request), whoOf(request), request.body),
      }),
    );

    app.put(
      '/score-rule-sets/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改尚未生效的计分规则',
          params: idParam,
          body: ruleSetUpdate,
          response: { 200: z.object({ data: z.object({ effect: ruleSetEffect }) }) },
        },
      },
      async (request) => ({
        data: {
          effect: await updateRuleSet(ctx, actorOf(request), whoOf(request), request.params.id, request.body),
        },
      }),
    );

    app.delete(
      '/score-rule-sets/:id',
      {
        schema: {
          tags: TAGS,
          summary: '删除尚未生效的计分规则',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await deleteRuleSet(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
