import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse, recordOf } from '../../../shared/schemas/common.ts';
import {
  addSignerInput,
  approveInput,
  correctionInput,
  dispatchUpdate,
  issueAbilities,
  issueCreate,
  issueDetailSchema,
  issueListQuery,
  issueSummarySchema,
  issueUpdate,
  issueVersionInput,
  returnInput,
  transferInput,
  withdrawInput,
} from '../../../shared/schemas/issues.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import type { IssueRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { ATTACHMENT_TYPES, sendDownload } from '../items/attachments.ts';
import { staffOf } from '../items/desks.ts';
import { onLeave } from '../posts/assignment.ts';
import {
  addSigner,
  approveIssue,
  remindSigners,
  returnIssue,
  submitIssue,
  transferSignoff,
  withdrawIssue,
} from './approval.service.ts';
import { correctIssue, updateDispatch } from './dispatch.service.ts';
import { buildDocument } from './document.build.ts';
import { issueLabel } from './issue-label.ts';
import { assertConfigManager, loadIssueDesks } from './issues.policy.ts';
import { presentDetail, presentSummaries, snapshotOf } from './issues.presenter.ts';
import { findPublication, readIssueFile, sha256 } from './issues.repository.ts';
import { createIssue, removeIssue, updateIssue, visibleIssue } from './issues.service.ts';
import type { IssueDocument } from './render/document.ts';
import { renderIssueDocx } from './render/docx.ts';
import { renderIssueHtml } from './render/html.ts';
import { convertDocxToPdf } from './render/pdf.ts';
import { waitingUsers } from './signers.ts';

const TAGS = ['刊物编发'];
const record = recordOf(issueDetailSchema, issueAbilities);

/** The document as it stands: the frozen revision once issued, otherwise a preview of the live data. */
async function documentOf(ctx: AppContext, issue: IssueRow): Promise<IssueDocument> {
  if (issue.document !== null) return JSON.parse(issue.document) as IssueDocument;
  const publication = await findPublication(ctx.db.kysely, issue.publication_id);
  return buildDocument(ctx.db.kysely, issue, publication, { draft: true, signedAt: null });
}

function fileName(label: string, ext: string, revision = 0): string {
  const base = label.replace(/[\\/:*?"<>|]/g, '');
  return `${base}${revision > 1 ? `（第${revision}版）` : ''}.${ext}`;
}

/** Issues (期): compiling, signing, issuing, corrections, files and dispatch. */
export function issueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const detail = async (actor: Actor, id: number) => {
    const { issue, desks } = await visibleIssue(ctx.db.kysely, actor, id);
    return presentDetail(ctx.db.kysely, actor, issue, desks, ctx.clock.now());
  };

  const download = async (
    actor: Actor,
    who: ReturnType<typeof whoOf>,
    id: number,
    kind: string,
    revision: number,
  ) =>
    inTransaction(ctx, who, (_tx, audit) =>
      audit({
        action: 'issue.download',
        targetType: 'issue',
        targetId: id,
        summary: { kind, revision, by: actor.login },
      }),
    );

  return async (app) => {
    app.get(
      '/issues',
      {
        schema: {
          tags: TAGS,
          summary: '刊物期次列表（编排中、审签中、已签发；待我审签）',
          querystring: issueListQuery,
          response: { 200: listOf(issueSummarySchema, z.object({ compile: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        const desks = await loadIssueDesks(db, actor);
        const orgs = [...new Set([...desks.compile, ...desks.sign])];
        const { page, pageSize, publicationId, status, mine, year } = request.query;
        if (orgs.length === 0) return { data: [], total: 0, abilities: { compile: false } };
        let q = db.selectFrom('issues').where('org_id', 'in', orgs);
        if (publicationId) q = q.where('publication_id', '=', publicationId);
        if (status) q = q.where('status', '=', status);
        if (year) q = q.where('year', '=', year);
        if (mine === 'true') {
          const now = ctx.clock.now();
          const posts = await db
            .selectFrom('posts')
            .select('id')
            .where((eb) => eb.or([eb('holder_a_id', '=', actor.id), eb('holder_b_id', '=', actor.id)]))
            .execute();
          const candidates = await db
            .selectFrom('issue_signoffs')
            .innerJoin('issues', 'issues.id', 'issue_signoffs.issue_id')
            .selectAll('issue_signoffs')
            .select('issues.org_id as issue_org')
            .where('issue_signoffs.status', '=', 'pending')
            .where('issues.status', '=', 'reviewing')
            .whereRef('issue_signoffs.round', '=', 'issues.round')
            .whereRef('issue_signoffs.step_index', '=', 'issues.step_index')
            .where((eb) =>
              eb.or([
                eb('issue_signoffs.user_id', '=', actor.id),
                ...(posts.length
                  ? [
                      eb(
                        'issue_signoffs.post_id',
                        'in',
                        posts.map((p) => p.id),
                      ),
                    ]
                  : []),
              ]),
            )
            .execute();
          const waits = await waitingUsers(db, candidates, now);
          const ids = candidates
            .filter((r) => waits.get(r.id) === actor.id && desks.sign.has(r.issue_org))
            .map((r) => r.issue_id);
          if (ids.length === 0) return { data: [], total: 0, abilities: { compile: desks.compile.size > 0 } };
          q = q.where('id', 'in', ids);
        }
        const [{ n }, rows] = await Promise.all([
          q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
          q
            .selectAll()
            .orderBy('updated_at', 'desc')
            .orderBy('id', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
        ]);
        return {
          data: await presentSummaries(db, actor, rows, ctx.clock.now()),
          total: Number(n),
          abilities: { compile: desks.compile.size > 0 },
        };
      },
    );

    app.post(
      '/issues',
      { schema: { tags: TAGS, summary: '新建一期', body: issueCreate, response: { 200: record } } },
      async (request) => {
        const actor = actorOf(request);
        const id = await createIssue(ctx, actor, whoOf(request), request.body);
        return detail(actor, id);
      },
    );

    app.get(
      '/issues/:id',
      {
        schema: {
          tags: TAGS,
          summary: '一期的详情：编排、审签进度、办理记录、文件、报送',
          params: idParam,
          response: { 200: record },
        },
      },
      async (request) => detail(actorOf(request), request.params.id),
    );

    app.put(
      '/issues/:id',
      {
        schema: {
          tags: TAGS,
          summary: '保存编排（顺序、编者按、报送对象等）',
          params: idParam,
          body: issueUpdate,
          response: { 200: record },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await updateIssue(ctx, actor, whoOf(request), request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.delete(
      '/issues/:id',
      {
        schema: {
          tags: TAGS,
          summary: '删除未送审的一期（其中信息仍为拟用）',
          params: idParam,
          querystring: z.object({ version: z.coerce.number().int() }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await removeIssue(ctx, actorOf(request), whoOf(request), request.params.id, request.query.version);
        return { data: { ok: true as const } };
      },
    );

    const action = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      fn: (actor: Actor, who: ReturnType<typeof whoOf>, id: number, input: z.infer<B>) => Promise<unknown>,
    ) =>
      app.post(
        `/issues/:id/${path}`,
        { schema: { tags: TAGS, summary, params: idParam, body, response: { 200: record } } },
        async (request) => {
          const actor = actorOf(request);
          await fn(actor, whoOf(request), request.params.id, request.body as z.infer<B>);
          return detail(actor, request.params.id);
        },
      );

    action('submit', '送审', issueVersionInput, (a, w, id, b) => submitIssue(ctx, a, w, id, b.version));
    action('approve', '审签同意（末一环节即签发）', approveInput, (a, w, id, b) =>
      approveIssue(ctx, a, w, id, b.version, b.comment),
    );
    action('return', '退回之前环节或退回编辑', returnInput, (a, w, id, b) => returnIssue(ctx, a, w, id, b));
    action('withdraw', '撤回审签', withdrawInput, (a, w, id, b) => withdrawIssue(ctx, a, w, id, b));
    action('transfer', '转交他人审签', transferInput, (a, w, id, b) => transferSignoff(ctx, a, w, id, b));
    action('add-signer', '加签', addSignerInput, (a, w, id, b) => addSigner(ctx, a, w, id, b));
    action('remind', '催办', z.object({}), (a, w, id) => remindSigners(ctx, a, w, id));
    action('corrections', '勘误（生成新版文件）', correctionInput, (a, w, id, b) =>
      correctIssue(ctx, a, w, id, b),
    );

    app.post(
      '/issues/:id/seen',
      {
        schema: {
          tags: TAGS,
          summary: '记下已阅的内容（下次显示此后的变化）',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { issue } = await visibleIssue(ctx.db.kysely, actor, request.params.id);
        const snapshot = JSON.stringify(await snapshotOf(ctx.db.kysely, issue));
        const at = ctx.clock.iso();
        await ctx.db.kysely
          .insertInto('issue_views')
          .values({ issue_id: issue.id, user_id: actor.id, snapshot, viewed_at: at })
          .onConflict((oc) => oc.columns(['issue_id', 'user_id']).doUpdateSet({ snapshot, viewed_at: at }))
          .execute();
        return { data: { ok: true as const } };
      },
    );

    app.put(
      '/dispatches/:id',
      {
        schema: {
          tags: TAGS,
          summary: '登记报送（渠道、日期、经办人、状态）',
          params: idParam,
          body: dispatchUpdate,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await updateDispatch(ctx, actorOf(request), whoOf(request), request.params.id, request.body);
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/issues/:id/preview',
      { schema: { tags: TAGS, summary: '版面预览与打印（HTML，与Word文件同一版式）', params: idParam } },
      async (request, reply) => {
        const { issue } = await visibleIssue(ctx.db.kysely, actorOf(request), request.params.id);
        const html = renderIssueHtml(await documentOf(ctx, issue));
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
          )
          .header('x-frame-options', 'SAMEORIGIN')
          .header('cache-control', 'private, no-store')
          .send(html);
      },
    );

    /** The Word file: the stored revision once issued (checked against its digest), else a preview. */
    const wordOf = async (
      issue: IssueRow,
      revision: number | null,
    ): Promise<{ buf: Buffer; revision: number }> => {
      if (issue.status !== 'issued')
        return { buf: await renderIssueDocx(await documentOf(ctx, issue)), revision: 0 };
      const file = await ctx.db.kysely
        .selectFrom('issue_files')
        .selectAll()
        .where('issue_id', '=', issue.id)
        .where('revision', '=', revision ?? issue.revision)
        .executeTakeFirst();
      if (!file) throw new AppError('NOT_FOUND', '该版本的文件不存在');
      const buf = await readIssueFile(ctx.config.dataDir, file.storage_key);
      if (sha256(buf) !== file.sha256)
        throw new AppError('INTERNAL', '签发文件校验失败（与签发时的SHA-256不一致），请联系系统管理员');
      return { buf, revision: file.revision };
    };

    app.get(
      '/issues/:id/docx',
      {
        schema: {
          tags: TAGS,
          summary: '下载Word文件（已签发：签发稿或指定版本；未签发：送审预览稿）',
          params: idParam,
          querystring: z.object({ revision: z.coerce.number().int().positive().optional() }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { issue } = await visibleIssue(ctx.db.kysely, actor, request.params.id);
        const { buf, revision } = await wordOf(issue, request.query.revision ?? null);
        await download(actor, whoOf(request), issue.id, 'docx', revision);
        const label = await issueLabel(ctx.db.kysely, issue);
        return sendDownload(
          reply,
          buf,
          ATTACHMENT_TYPES.docx?.mime ?? '',
          fileName(issue.status === 'issued' ? label : `${label}送审稿`, 'docx', revision),
        );
      },
    );

    app.get(
      '/issues/:id/pdf',
      {
        schema: {
          tags: TAGS,
          summary: '下载PDF（由Word文件经LibreOffice转换，服务器未安装时不可用）',
          params: idParam,
          querystring: z.object({ revision: z.coerce.number().int().positive().optional() }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { issue } = await visibleIssue(ctx.db.kysely, actor, request.params.id);
        const { buf, revision } = await wordOf(issue, request.query.revision ?? null);
        const pdf = await convertDocxToPdf(buf);
        if (pdf === null) throw new AppError('DOCUMENT_UNAVAILABLE');
        await download(actor, whoOf(request), issue.id, 'pdf', revision);
        const label = await issueLabel(ctx.db.kysely, issue);
        return sendDownload(reply, pdf, ATTACHMENT_TYPES.pdf?.mime ?? '', fileName(label, 'pdf', revision));
      },
    );

    app.get(
      '/issue-candidates',
      {
        schema: {
          tags: TAGS,
          summary: '可编入刊物的拟用信息',
          querystring: z.object({ publicationId: z.coerce.number().int().positive() }),
          response: {
            200: listOf(
              z.object({
                id: z.number().int(),
                number: z.string().nullable(),
                title: z.string(),
                stream: z.string(),
                charCount: z.number().int(),
                urgent: z.boolean(),
                submittingOrg: z.string(),
                selectedAt: z.string(),
              }),
              z.object({}),
            ),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        const publication = await findPublication(db, request.query.publicationId);
        const desks = await loadIssueDesks(db, actor);
        if (!desks.compile.has(publication.org_id)) throw new AppError('NOT_FOUND', '刊物不存在或您无权编排');
        const rows = await db
          .selectFrom('items')
          .innerJoin('organizations', 'organizations.id', 'items.submitting_org_id')
          .leftJoin('issue_items', 'issue_items.item_id', 'items.id')
          .select([
            'items.id',
            'items.number',
            'items.title',
            'items.stream',
            'items.char_count',
            'items.urgent',
            'items.updated_at',
            'organizations.name as orgName',
          ])
          .where('items.target_org_id', '=', publication.org_id)
          .where('items.status', '=', 'selected')
          .where('items.stream', 'in', publication.streams.split(','))
          .where('issue_items.item_id', 'is', null)
          .orderBy('items.urgent', 'desc')
          .orderBy('items.updated_at', 'desc')
          .limit(200)
          .execute();
        return {
          data: rows.map((r) => ({
            id: r.id,
            number: r.number,
            title: r.title,
            stream: r.stream,
            charCount: r.char_count,
            urgent: r.urgent === 1,
            submittingOrg: r.orgName,
            selectedAt: r.updated_at,
          })),
          total: rows.length,
          abilities: {},
        };
      },
    );

    app.get(
      '/issue-signers',
      {
        schema: {
          tags: TAGS,
          summary: '可审签本级刊物的人员（转交、加签、设置流程时选择）',
          querystring: z.object({ orgId: z.coerce.number().int().positive() }),
          response: {
            200: listOf(
              z.object({ id: z.number().int(), name: z.string(), onDuty: z.boolean() }),
              z.object({}),
            ),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        const desks = await loadIssueDesks(db, actor);
        const { orgId } = request.query;
        // Office staff and signers of this CPPCC, or its system administrator setting up chains.
        if (!desks.compile.has(orgId) && !desks.sign.has(orgId)) await assertConfigManager(db, actor, orgId);
        const [review, approve] = await Promise.all([
          staffOf(db, orgId, 'issue.review'),
          staffOf(db, orgId, 'issue.approve'),
        ]);
        const all = new Map([...review, ...approve].map((u) => [u.id, u.name]));
        const today = cstDate(ctx.clock.now());
        const data = [];
        for (const [id, name] of all) data.push({ id, name, onDuty: !(await onLeave(db, id, today)) });
        return { data, total: data.length, abilities: {} };
      },
    );
  };
}
