import type { z } from 'zod';
import {
  countChars,
  type ItemDirection,
  type ItemKind,
  type ItemSource,
  type ItemStream,
} from '../../../shared/items.ts';
import type { ItemDetail, itemDraftInput } from '../../../shared/schemas/items.ts';
import { textOf } from '../item/item-labels.ts';

export interface AuthorEntry {
  userId: number | null;
  orgId: number | null;
  name: string;
  /** The member's organisation, shown next to the name. */
  orgName?: string;
}

/** What the author's form holds: everything of a draft, with names kept for display. */
export interface DraftValues {
  stream: ItemStream;
  kind: ItemKind | null;
  direction: ItemDirection | null;
  topicId: number | null;
  title: string;
  situation: string;
  analysis: string;
  suggestion: string;
  body: string;
  authors: AuthorEntry[];
  submittingOrgId: number | null;
  contactPhone: string;
  sourceType: ItemSource;
  sourceRef: string;
  urgent: boolean;
  disclosable: boolean;
}

export type DraftPayload = z.input<typeof itemDraftInput>;

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function emptyDraft(defaults: Pick<DraftValues, 'authors' | 'submittingOrgId'>): DraftValues {
  return {
    stream: 'sqmy',
    kind: null,
    direction: null,
    topicId: null,
    title: '',
    situation: '',
    analysis: '',
    suggestion: '',
    body: '',
    contactPhone: '',
    sourceType: 'own',
    sourceRef: '',
    urgent: false,
    disclosable: false,
    ...defaults,
  };
}

export function fromDetail(item: ItemDetail): DraftValues {
  return {
    stream: item.stream,
    kind: item.kind,
    direction: item.direction,
    topicId: item.topicId,
    title: item.title,
    situation: item.situation,
    analysis: item.analysis,
    suggestion: item.suggestion,
    body: item.body,
    authors: item.authors.map((a) => ({ userId: a.userId, orgId: a.orgId, name: a.name })),
    submittingOrgId: item.submittingOrg.id,
    contactPhone: item.contactPhone,
    sourceType: item.sourceType,
    sourceRef: item.sourceRef,
    urgent: item.urgent,
    disclosable: item.disclosable,
  };
}

/** Missing keys (an older local copy) take the empty draft's values. */
export function normalise(values: Partial<DraftValues>, base: DraftValues): DraftValues {
  return { ...base, ...values, authors: values.authors ?? base.authors };
}

/**
 * The body of POST /items and PUT /items/:id/draft. A phone number still being typed is not
 * sent (the draft would be refused); it stays in the form and the local copy.
 */
export function toPayload(v: DraftValues): DraftPayload | null {
  if (v.submittingOrgId === null) return null;
  const phone = v.contactPhone.trim();
  return {
    stream: v.stream,
    kind: v.stream === 'zhxx' ? v.kind : null,
    direction: v.direction,
    topicId: v.topicId,
    title: v.title.trim().slice(0, 80),
    situation: v.situation,
    analysis: v.analysis,
    suggestion: v.suggestion,
    body: v.body,
    submittingOrgId: v.submittingOrgId,
    authors: v.authors.map((a) => ({ userId: a.userId, orgId: a.orgId })),
    contactPhone: PHONE.test(phone) ? phone : '',
    sourceType: v.sourceType,
    sourceRef: v.sourceType === 'own' ? '' : v.sourceRef.trim().slice(0, 200),
    urgent: v.urgent,
    disclosable: v.disclosable,
  };
}

/** Same text and settings (names aside). */
export function sameDraft(a: DraftValues, b: DraftValues): boolean {
  const strip = (v: DraftValues) => ({ ...v, authors: v.authors.map((x) => [x.userId, x.orgId]) });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

export function charsOf(
  v: Pick<DraftValues, 'stream' | 'title' | 'situation' | 'analysis' | 'suggestion' | 'body'>,
) {
  return countChars(textOf(v, v.stream));
}

/** Has the author written anything worth keeping? */
export function hasText(v: DraftValues): boolean {
  return [v.title, v.situation, v.analysis, v.suggestion, v.body].some((t) => t.trim() !== '');
}
