import { type Settings, settingsSchema } from '../../../shared/schemas/settings.ts';
import type { Tx } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';

export { type Settings, settingsSchema } from '../../../shared/schemas/settings.ts';

export const DEFAULT_SETTINGS: Settings = {
  totpRequiredRoles: ['sysadmin', 'secadmin', 'auditor', 'director', 'leader', 'secgen', 'chair'],
  auditRetentionDays: 365,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  passwordMaxAgeDays: 90,
  itemCharGuide: 1500,
  itemCharMax: 6000,
  itemNumberFormat: '{year}-{seq}',
  itemMaxAttachments: 5,
  itemMaxAttachmentMb: 20,
  digestAfterHours: 24,
  workCalendar: [],
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
