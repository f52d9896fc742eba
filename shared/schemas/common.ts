import { z } from 'zod';

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A `{ data, total, abilities }` list envelope. */
export function listOf<T extends z.ZodType, A extends z.ZodType>(item: T, abilities: A) {
  return z.object({ data: z.array(item), total: z.number().int(), abilities });
}

/** A `{ data, abilities }` record envelope. */
export function recordOf<T extends z.ZodType, A extends z.ZodType>(item: T, abilities: A) {
  return z.object({ data: item, abilities });
}

export const okResponse = z.object({ data: z.object({ ok: z.literal(true) }) });

/** Boolean query flags arrive as strings. */
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
