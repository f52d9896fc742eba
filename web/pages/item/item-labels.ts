import type { ItemStream } from '../../../shared/items.ts';
import type { ItemContent } from '../../../shared/schemas/items.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';

/** Tag colours of the states: blue while the office works, green once used, orange/red on a side exit. */
export const STATE_COLORS: Record<ItemState, string> = {
  draft: 'default',
  submitted: 'blue',
  registered: 'cyan',
  editing: 'geekblue',
  selected: 'purple',
  published: 'green',
  forwarded: 'green',
  archived: 'default',
  returned: 'orange',
  rejected: 'red',
  merged: 'gold',
  referred: 'magenta',
};

export type ContentField = keyof ItemContent;

export const CONTENT_LABELS: Record<ContentField, string> = {
  title: '标题',
  situation: '情况',
  analysis: '原因分析',
  suggestion: '建议',
  body: '正文',
};

/** The text sections of a stream, in reading order (the title aside). */
export function sectionsOf(stream: ItemStream): ContentField[] {
  return stream === 'sqmy' ? ['situation', 'analysis', 'suggestion'] : ['body'];
}

/** The words counted against the length guide: the sections of the stream, not the title. */
export function textOf(content: Pick<ItemContent, ContentField>, stream: ItemStream): string {
  return sectionsOf(stream)
    .map((field) => content[field])
    .join('\n');
}

/** A diff field is named by its key or by its Chinese label: the label to show. */
export function fieldLabel(field: string): string {
  return field in CONTENT_LABELS ? CONTENT_LABELS[field as ContentField] : field;
}

/** …and the key (for test ids and lookups). */
export function fieldKey(field: string): string {
  const found = (Object.keys(CONTENT_LABELS) as ContentField[]).find((k) => CONTENT_LABELS[k] === field);
  return found ?? field;
}

/** File size for people: 12 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
