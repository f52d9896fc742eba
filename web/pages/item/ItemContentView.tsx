import { Typography } from 'antd';
import type { ItemStream } from '../../../shared/items.ts';
import type { ItemContent } from '../../../shared/schemas/items.ts';
import { CONTENT_LABELS, sectionsOf } from './item-labels.ts';

/** Paragraphs indented two characters, as in a printed CPPCC information sheet. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split('\n').filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return <Typography.Text type="secondary">（未填写）</Typography.Text>;
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity beyond their place
        <p key={i} style={{ textIndent: '2em', margin: '0 0 8px', lineHeight: 1.9, wordBreak: 'break-all' }}>
          {p}
        </p>
      ))}
    </>
  );
}

/** The text of an item (or of one of its versions) for reading. */
export function ItemContentView({ content, stream }: { content: ItemContent; stream: ItemStream }) {
  const sections = sectionsOf(stream);
  return (
    <article data-testid="item-content">
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }} data-testid="item-title">
        {content.title || '（无标题）'}
      </Typography.Title>
      {sections.map((field) => (
        <section key={field} data-testid={`item-${field}`} style={{ marginBottom: 12 }}>
          {sections.length > 1 && (
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {CONTENT_LABELS[field]}
            </Typography.Title>
          )}
          <Paragraphs text={content[field]} />
        </section>
      ))}
    </article>
  );
}
