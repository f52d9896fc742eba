import fastJson, { type Schema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Responses are written by fast-json-stringify from the JSON Schema of each route's Zod
 * response schema: only declared fields leave the server (no internal column can slip out),
 * at a fraction of the cost of encoding through Zod. A schema JSON Schema cannot express falls
 * back to Zod's own serializer.
 */
/**
 * fast-json-stringify writes only declared properties anyway; `additionalProperties: false`
 * would only make its anyOf matching (nullable objects, unions) reject an object carrying an
 * extra field instead of dropping the field. Remove it everywhere.
 */
function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = openObjects(value);
  }
  return out;
}

export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (routeSchema) => {
  try {
    const json = z.toJSONSchema(routeSchema.schema, {
      io: 'output',
      unrepresentable: 'throw',
      target: 'draft-7',
    });
    return fastJson(openObjects(json) as Schema);
  } catch {
    return zodSerializerCompiler(routeSchema as Parameters<typeof zodSerializerCompiler>[0]);
  }
};
