import { z } from 'zod';
import { ROLE_KEYS } from '../../../shared/roles.ts';
import type { Tx } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';

/** Settings an administrator can change at run time, with their defaults and limits. */
export const settingsSchema = z.object({
  /** Roles whose holders must use a second factor. */
  totpRequiredRoles: z.array(z.enum(ROLE_KEYS)),
  /** Audit rows are kept at least this long; never under 180 days (等保). */
  auditRetentionDays: z.number().int().min(180, '审计日志保存期限不得少于180天').max(3650),
  sessionIdleMinutes: z.number().int().min(5).max(30, '会话空闲超时不得超过30分钟'),
  sessionAbsoluteHours: z.number().int().min(1).max(12, '会话最长有效期不得超过12小时'),
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  totpRequiredRoles: ['sysadmin', 'secadmin', 'auditor', 'director', 'leader', 'secgen', 'chair'],
  auditRetentionDays: 365,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

const SETTINGS_KEY = 'platform';
const CACHE_MS = 5_000;

/**
 * Settings live in the database (shared by every instance) and are cached briefly in memory,
 * so a change reaches all instances within a few seconds.
 */
export interface SettingsStore {
  get(): Promise<Settings>;
  save(next: Settings, tx?: Tx): Promise<void>;
  /** Forget the cached copy (the next read goes to the database). */
  invalidate(): void;
}

export function createSettingsStore(db: Db, clock: Clock, cacheMs = CACHE_MS): SettingsStore {
  let cached: { value: Settings; at: number } | null = null;
  return {
    async get() {
      if (cached && Date.now() - cached.at < cacheMs) return cached.value;
      const row = await db.kysely
        .selectFrom('settings')
        .select('value')
        .where('key', '=', SETTINGS_KEY)
        .executeTakeFirst();
      const parsed = row ? settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(row.value) }) : null;
      const value = parsed?.success ? parsed.data : DEFAULT_SETTINGS;
      cached = { value, at: Date.now() };
      return value;
    },
    invalidate() {
      cached = null;
    },
    async save(next, tx = db.kysely) {
      const value = JSON.stringify(settingsSchema.parse(next));
      const now = clock.iso();
      await tx
        .insertInto('settings')
        .values({ key: SETTINGS_KEY, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
      cached = null;
    },
  };
}
