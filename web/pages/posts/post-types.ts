import type { z } from 'zod';
import type { leaveSchema, PostView } from '../../../shared/schemas/posts.ts';

export type { PostView };
export type LeaveView = z.infer<typeof leaveSchema>;
export interface ManageAbilities {
  manage: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in local time (leave and duty dates are calendar days). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Inclusive number of calendar days from `start` to `end` (YYYY-MM-DD). */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The posts a person holds as A: while on leave their work goes to each post's B holder. */
export function standIns(posts: readonly PostView[], userId: number): PostView[] {
  return posts.filter((post) => post.holderA.id === userId);
}
