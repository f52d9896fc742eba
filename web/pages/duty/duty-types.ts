import type { z } from 'zod';
import type { dutySchema } from '../../../shared/schemas/posts.ts';

export type DutyView = z.infer<typeof dutySchema>;

export interface DutyMonth {
  data: DutyView[];
  abilities: { manage: boolean };
}

export const DAY = 'YYYY-MM-DD';
export const MONTH = 'YYYY-MM';
