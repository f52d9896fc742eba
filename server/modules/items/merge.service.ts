import type { ItemMergeInput } from '../../../shared/schemas/items.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { reindexItem } from './item-search.ts';
import { accessOf, loadDesks } from './items.policy.ts';
import {
  appendEvent,
  appendVersion,
  findItem,
  formatNumber,
  nextNumber,
  streamContent,
  textColumns,
} from './items.repository.ts';
import { applyAction } from './transition.service.ts';

/**
 * Merges several registered items of one desk into a composite item (综合): the composite is
 * registered at once with its own number, credits every source's authors in order, and each
 * source moves to 已合并 pointing at it.
 */
export async function mergeItems(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: ItemMergeInput,
): Promise<number> {
  if (input.title.trim() === '') throw new AppError('VALIDATION_FAILED', '请填写综合信息的标题');
  const settings = await ctx.settings.get();
  const now = ctx.clock.now();
  const at = now.toISOString();
  return inTransaction(ctx, who, async (tx, audit) => {
    const desks = await loadDesks(tx, actor);
    const sources: ItemRow[] = [];
    for (const id of [...new Set(input.ids)]) {
      const item = await findItem(tx, id);
      const access = item ? await accessOf(tx, actor, item, desks) : null;
      if (!item || !access?.visible) throw new AppError('NOT_FOUND', `信息（编号${id}）不存在或您无权查看`);
      if (!access.parties.has('office')) throw new AppError('FORBIDDEN', '只有接收单位信息处可以合并信息');
      sources.push(item);
    }
    if (sources.length < 2) throw new AppError('VALIDATION_FAILED', '合并至少需要两条不同的信息');
    const first = sources[0] as ItemRow;
    const desk = first.target_org_id as number;
    if (sources.some((s) => s.target_org_id !== desk))
      throw new AppError('VALIDATION_FAILED', '只能合并报送到同一政协信息处的信息');
    const year = Number(cstDate(now).slice(0, 4));
    const seq = await nextNumber(tx, desk, year);
    const number = formatNumber(settings.itemNumberFormat, year, seq);
    const content = streamContent({ ...input, title: input.title.trim() }, first.stream);
    const { id } = await tx
      .insertInto('items')
      .values({
        status: 'editing',
        stream: first.stream,
        kind: first.kind,
        direction: first.direction,
        topic_id: first.topic_id,
        ...textColumns(content, first.stream),
        contact_phone: '',
        source_type: 'own',
        source_ref: '',
        urgent: sources.some((s) => s.urgent) ? 1 : 0,
        disclosable: sources.every((s) => s.disclosable) ? 1 : 0,
        submitting_org_id: desk,
        target_org_id: desk,
        created_by: actor.id,
        on_behalf: 0,
        number,
        number_year: year,
        number_seq: seq,
        assignee_id: actor.id,
        handed_over: 0,
        composite: 1,
        last_reason: '',
        declarations: '',
        first_submitted_at: at,
        submitted_at: at,
        registered_at: at,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every source's authors, first authors first, each credited once.
    const authors = await tx
      .selectFrom('item_authors')
      .select(['item_id', 'position', 'user_id', 'org_id', 'name'])
      .where(
        'item_id',
        'in',
        sources.map((s) => s.id),
      )
      .execute();
    const order = new Map(sources.map((s, i) => [s.id, i]));
    authors.sort(
      (a, b) => a.position - b.position || (order.get(a.item_id) ?? 0) - (order.get(b.item_id) ?? 0),
    );
    const seen = new Set<string>();
    const credited = authors.filter((a) => {
      const key = a.user_id !== null ? `u${a.user_id}` : `o${a.org_id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    await tx
      .insertInto('item_authors')
      .values(
        credited.map((a, position) => ({
          item_id: id,
          position,
          user_id: a.user_id,
          org_id: a.org_id,
          name: a.name,
        })),
      )
      .execute();
    await appendVersion(tx, id, 'composite', first.stream, content, actor.id, at);
    await reindexItem(tx, id);
    await appendEvent(tx, {
      itemId: id,
      action: 'merge',
      from: null,
      to: 'editing',
      actorId: actor.id,
      note: `由${sources.length}条信息合并而成，登记号${number}`,
      at,
    });
    for (const source of sources) {
      await applyAction(
        {
          tx,
          actor,
          item: source,
          req: {
            action: 'merge',
            version: source.version,
            reason: '',
            declarations: [],
            assigneeId: null,
            content: null,
            referOrgId: null,
            mergeInto: { id, number },
          },
          settings,
          now,
          audit,
        },
        { parties: new Set(['office']), visible: true },
      );
    }
    await audit({
      action: 'item.merge',
      targetType: 'item',
      targetId: id,
      summary: { number, sources: sources.map((s) => s.id) },
    });
    return id;
  });
}
