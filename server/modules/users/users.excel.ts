import ExcelJS from 'exceljs';
import { type OrgType, orgAcceptsUsers } from '../../../shared/orgs.ts';
import {
  type ImportRowError,
  MEMBER_LEVELS,
  type MemberLevel,
  type UserInput,
  userInput,
} from '../../../shared/schemas/users.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import type { OrgRow } from '../../db/schema.ts';
import { randomPassword } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { cellText } from '../../lib/xlsx.ts';
import { can, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { listOrgs } from '../orgs/orgs.repository.ts';
import { reachesUser } from './users.policy.ts';
import { findUserByLogin, replaceMemberships } from './users.repository.ts';
import { insertUser, loadTarget, profileColumns } from './users.service.ts';

/** Columns of the roster template, in order. `*` marks the required ones. */
export const ROSTER_COLUMNS = [
  { header: '登录名*', width: 14, note: '字母、数字、下划线，2–32位；已存在的登录名将更新该用户' },
  { header: '姓名*', width: 10, note: '' },
  { header: '手机号码', width: 14, note: '11位手机号' },
  { header: '所属组织*', width: 28, note: '组织全称或简称；重名时写“上级/本级”；多个用“；”分隔' },
  { header: '职务', width: 14, note: '' },
  { header: '委员级别', width: 10, note: '全国、省、市、县；非委员留空' },
  { header: '届次', width: 10, note: '如：第十二届' },
  { header: '界别', width: 16, note: '' },
  { header: '党派', width: 10, note: '' },
  { header: '是否常委', width: 10, note: '是/否' },
  { header: '特邀信息员', width: 10, note: '是/否' },
] as const;

const MAX_ROWS = 5000;
const LEVEL_BY_LABEL = new Map<string, MemberLevel>(
  Object.entries(MEMBER_LEVELS).map(([k, v]) => [v, k as MemberLevel]),
);

export async function buildRosterTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户名册');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  ROSTER_COLUMNS.forEach((c, i) => {
    if (c.note) sheet.getCell(1, i + 1).note = c.note;
  });
  sheet.addRow([
    'zhangsan',
    '张三',
    '13800000000',
    '民盟安徽省委会',
    '委员',
    '省',
    '第十二届',
    '中国民主同盟',
    '民盟',
    '否',
    '否',
  ]);
  const help = workbook.addWorksheet('填写说明');
  help.addRow(['列', '说明']);
  for (const c of ROSTER_COLUMNS) help.addRow([c.header, c.note || '']);
  help.addRow([]);
  help.addRow(['提示', '第2行为示例，导入前请删除或改为实际数据。整个文件任何一行有误时不会导入任何数据。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface ParsedRow {
  row: number;
  input: UserInput;
}

function yesNo(value: string, row: number, column: string, errors: ImportRowError[]): boolean {
  if (value === '' || value === '否') return false;
  if (value === '是') return true;
  errors.push({ row, column, reason: '应填写“是”或“否”' });
  return false;
}

/** Resolves organisation names (full, short, or `上级/本级`) within the importer's reach. */
function orgResolver(orgs: OrgRow[]) {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const byName = new Map<string, OrgRow[]>();
  for (const o of orgs) {
    for (const n of new Set([o.name, o.short_name].filter(Boolean)))
      byName.set(n, [...(byName.get(n) ?? []), o]);
  }
  return (text: string): OrgRow | string => {
    const parts = text.split('/').map((s) => s.trim());
    const name = parts.pop()!;
    let candidates = byName.get(name) ?? [];
    const parentName = parts.pop();
    if (parentName) {
      candidates = candidates.filter((o) => {
        const parent = o.parent_id === null ? undefined : byId.get(o.parent_id);
        return parent && (parent.name === parentName || parent.short_name === parentName);
      });
    }
    if (candidates.length === 0) return `找不到组织“${text}”，或不在您的管理范围内`;
    if (candidates.length > 1) return `组织“${text}”不唯一，请写成“上级/本级”`;
    const org = candidates[0]!;
    if (!org.active) return `组织“${text}”已停用`;
    if (!orgAcceptsUsers(org.type as OrgType)) return `“${text}”是外部报送对象，不设用户账号`;
    return org;
  };
}

export async function parseRoster(
  buffer: Buffer,
  orgs: OrgRow[],
): Promise<{ rows: ParsedRow[]; errors: ImportRowError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FAILED', '无法读取文件，请上传由模板填写的 .xlsx 文件', { errors: [] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FAILED', '文件中没有工作表', { errors: [] });
  const headers = ROSTER_COLUMNS.map((_, i) => cellText(sheet.getCell(1, i + 1).value));
  const mismatch = ROSTER_COLUMNS.findIndex(
    (c, i) => headers[i]?.replace('*', '') !== c.header.replace('*', ''),
  );
  if (mismatch >= 0) {
    throw new AppError(
      'IMPORT_FAILED',
      `表头与模板不一致：第${mismatch + 1}列应为“${ROSTER_COLUMNS[mismatch]!.header}”，请下载模板填写`,
      { errors: [] },
    );
  }
  const resolve = orgResolver(orgs);
  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  if (sheet.rowCount - 1 > MAX_ROWS)
    throw new AppError('IMPORT_FAILED', `一次最多导入${MAX_ROWS}行，请分批导入`, { errors: [] });
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = ROSTER_COLUMNS.map((_, i) => cellText(sheet.getCell(r, i + 1).value));
    if (cells.every((c) => c === '')) continue;
    const [
      login,
      realName,
      mobile,
      orgText,
      title,
      levelText,
      term,
      sector,
      party,
      standingText,
      officerText,
    ] = cells as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const rowErrors: ImportRowError[] = [];
    const memberships: { orgId: number; title: string }[] = [];
    for (const part of orgText
      .split(/[;；、]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const org = resolve(part);
      if (typeof org === 'string') rowErrors.push({ row: r, column: '所属组织', reason: org });
      else memberships.push({ orgId: org.id, title: memberships.length === 0 ? title : '' });
    }
    const level = levelText ? LEVEL_BY_LABEL.get(levelText.replace(/级$/, '')) : undefined;
    if (levelText && !level)
      rowErrors.push({ row: r, column: '委员级别', reason: '应为“全国”“省”“市”“县”之一，非委员留空' });
    const standing = yesNo(standingText, r, '是否常委', rowErrors);
    const specialOfficer = yesNo(officerText, r, '特邀信息员', rowErrors);
    const parsed = userInput.safeParse({
      login,
      realName,
      mobile,
      memberships: orgText ? memberships : [],
      member: level ? { level, term, sector, party, standing } : null,
      specialOfficer,
    });
    if (!parsed.success) {
      const columnOf: Record<string, string> = {
        login: '登录名',
        realName: '姓名',
        mobile: '手机号码',
        memberships: '所属组织',
      };
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (key === 'memberships' && rowErrors.some((e) => e.column === '所属组织')) continue;
        rowErrors.push({
          row: r,
          column: columnOf[key] ?? key,
          reason: key === 'memberships' ? '请填写所属组织' : issue.message,
        });
      }
    }
    const key = login.toLowerCase();
    if (login && seen.has(key))
      rowErrors.push({ row: r, column: '登录名', reason: `与第${seen.get(key)}行重复` });
    seen.set(key, r);
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ row: r, input: parsed.data });
  }
  if (rows.length === 0 && errors.length === 0)
    throw new AppError('IMPORT_FAILED', '文件中没有可导入的数据行', { errors: [] });
  return { rows, errors };
}

export interface ImportOutcome {
  created: number;
  updated: number;
  credentials: { login: string; realName: string; temporaryPassword: string }[];
}

/** All or nothing: every row is checked first; one bad row and nothing is imported. */
export async function importRoster(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  buffer: Buffer,
): Promise<ImportOutcome> {
  if (!can(actor, 'user.import') || !can(actor, 'user.manage')) throw new AppError('FORBIDDEN');
  const db = ctx.db.kysely;
  const orgs = await listOrgs(db, reachOf(actor, 'user.manage'));
  const { rows, errors } = await parseRoster(buffer, orgs);
  const existing = new Map<number, Awaited<ReturnType<typeof findUserByLogin>>>();
  for (const { row, input } of rows) {
    const user = await findUserByLogin(db, input.login);
    if (!user) continue;
    const target = await loadTarget(db, user);
    if (!reachesUser(actor, 'user.manage', target)) {
      errors.push({ row, column: '登录名', reason: `登录名“${input.login}”已被其他单位的用户使用` });
    } else existing.set(row, user);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(
      'IMPORT_FAILED',
      `导入文件有${errors.length}处错误，未导入任何数据，请修改后重新导入`,
      { errors },
    );
  }
  const fresh = rows.filter((r) => !existing.has(r.row));
  const credentials = fresh.map((r) => ({
    login: r.input.login,
    realName: r.input.realName,
    temporaryPassword: randomPassword(),
  }));
  const hashes = await Promise.all(credentials.map((c) => hashPassword(c.temporaryPassword)));
  const now = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    for (const [i, r] of fresh.entries()) await insertUser(tx, r.input, hashes[i]!, now);
    for (const [rowNo, user] of existing) {
      const input = rows.find((r) => r.row === rowNo)!.input;
      await tx
        .updateTable('users')
        .set({ ...profileColumns(input), version: user!.version + 1, updated_at: now })
        .where('id', '=', user!.id)
        .execute();
      await replaceMemberships(tx, user!.id, input.memberships);
    }
    await audit({
      action: 'user.import',
      targetType: 'user',
      targetId: '-',
      summary: {
        created: fresh.map((r) => r.input.login),
        updated: [...existing.values()].map((u) => u!.login),
      },
    });
  });
  return { created: fresh.length, updated: existing.size, credentials };
}
