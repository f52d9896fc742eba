import type { FormRule } from 'antd';
import { z } from 'zod';
import { zhCN } from 'zod/locales';

// Messages of the shared schemas are Chinese; this covers the ones they leave to zod.
z.config(zhCN());

type Issue = z.core.$ZodIssue;

function firstMessage(issues: readonly Issue[]): string {
  const [issue] = issues;
  if (!issue) return '格式不正确';
  // A union (e.g. "a mobile number or empty") fails as a whole: show its first branch's reason.
  if (issue.code === 'invalid_union' && issue.errors[0]?.length) return firstMessage(issue.errors[0]);
  return issue.message;
}

/** A form rule that validates the field with the shared Zod schema, so client and server agree. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_, value: unknown) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(firstMessage(result.error.issues));
    },
  };
}
