import { z } from 'zod';
import {
  ADOPTION_BODY_KEYS,
  ADOPTION_FORM_KEYS,
  FEEDBACK_KIND_KEYS,
  IMPLEMENTATION_STATUS_KEYS,
  INSTRUCTION_RANK_KEYS,
} from '../feedback.ts';

const ref = z.object({ id: z.number().int(), name: z.string() });
const common = {
  occurredOn: z.iso.date({ message: '请选择日期' }),
  note: z.string().trim().max(500, '备注最多500字').default(''),
};

/** One feedback event as recorded by the office: what kind, and the facts that kind needs. */
export const feedbackInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('adoption'),
      body: z.enum(ADOPTION_BODY_KEYS, { message: '请选择采用单位' }),
      bodyName: z.string().trim().max(40, '采用单位名称最多40字').default(''),
      form: z.enum(ADOPTION_FORM_KEYS, { message: '请选择采用形式' }),
      publication: z.string().trim().max(60, '刊物及期号最多60字').default(''),
      ...common,
    })
    .refine((f) => f.body !== 'other' || f.bodyName !== '', {
      message: '请填写采用单位名称',
      path: ['bodyName'],
    }),
  z.object({
    kind: z.literal('instruction'),
    leaderName: z.string().trim().min(1, '请填写批示领导').max(20, '批示领导最多20字'),
    rank: z.enum(INSTRUCTION_RANK_KEYS, { message: '请选择领导职级' }),
    text: z.string().trim().min(1, '请填写批示内容').max(2000, '批示内容最多2000字'),
    ...common,
  }),
  z.object({
    kind: z.literal('implementation'),
    status: z.enum(IMPLEMENTATION_STATUS_KEYS, { message: '请选择落实状态' }),
    text: z.string().trim().min(1, '请填写落实情况').max(2000, '落实情况最多2000字'),
    ...common,
  }),
]);
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const feedbackFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const feedbackSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  kind: z.enum(FEEDBACK_KIND_KEYS),
  occurredOn: z.string(),
  body: z.enum(ADOPTION_BODY_KEYS).nullable(),
  bodyName: z.string(),
  form: z.enum(ADOPTION_FORM_KEYS).nullable(),
  publication: z.string(),
  leaderName: z.string(),
  rank: z.enum(INSTRUCTION_RANK_KEYS).nullable(),
  status: z.enum(IMPLEMENTATION_STATUS_KEYS).nullable(),
  text: z.string(),
  note: z.string(),
  /** One line: “全国政协办公厅单篇采用（《人民政协信息》第45期）”. */
  summary: z.string(),
  /** Recorded on a whole issue (期) and so on each of its items. */
  viaIssue: z.object({ id: z.number().int(), label: z.string() }).nullable(),
  recordedBy: ref,
  createdAt: z.string(),
  revoked: z.object({ by: ref, at: z.string(), reason: z.string() }).nullable(),
  files: z.array(feedbackFileSchema),
});
export type FeedbackView = z.infer<typeof feedbackSchema>;

export const feedbackAbilities = z.object({ record: z.boolean() });
export const revokeInput = z.object({
  reason: z.string().trim().min(1, '请填写撤销原因').max(300, '撤销原因最多300字'),
});
