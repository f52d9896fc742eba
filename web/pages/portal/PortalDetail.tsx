import { Alert, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PortalShell, panelStyle, usePortalTitle } from './PortalShell.tsx';
import { chineseDay, portalApi } from './portal-api.ts';
import { type PublicLoad, paragraphs, usePublic } from './use-public.ts';

interface Article {
  title: string;
  meta: string;
  text: string;
}

/** One notice or item: title, where it is from and when, the text in paragraphs; a way back. */
function ArticleView<T>({
  heading,
  back,
  load,
  article,
}: {
  heading: string;
  back: { to: string; label: string };
  load: PublicLoad<T>;
  article: (value: T) => Article;
}) {
  const shown = load.state === 'ready' ? article(load.value) : null;
  usePortalTitle(shown?.title ?? heading);
  let content: ReactNode;
  if (load.state === 'loading')
    content = (
      <div style={{ textAlign: 'center', padding: 32 }}>
        <Spin />
      </div>
    );
  else if (load.state === 'failed')
    content =
      load.status === 404 ? (
        <Result status="404" title="该内容不存在或已撤下" data-testid="portal-gone" />
      ) : (
        <Alert type="warning" showIcon title={load.message} />
      );
  else if (shown)
    content = (
      <article data-testid="portal-article">
        <Typography.Title
          level={4}
          style={{ textAlign: 'center', marginTop: 8 }}
          data-testid="portal-article-title"
        >
          {shown.title}
        </Typography.Title>
        <div
          style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', fontSize: 13 }}
          data-testid="portal-article-meta"
        >
          {shown.meta}
        </div>
        <div style={{ marginTop: 16, fontSize: 16, lineHeight: 1.9 }} data-testid="portal-article-text">
          {paragraphs(shown.text).map((p, i) => (
            // A salutation (称谓, first line ending in a colon) is not indented, as in official documents.
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are fixed text in order
            <p key={i} style={{ textIndent: i === 0 && /[：:]$/.test(p) ? 0 : '2em', margin: '0 0 8px' }}>
              {p}
            </p>
          ))}
        </div>
      </article>
    );
  return (
    <PortalShell heading={heading}>
      <div style={{ marginTop: 12 }}>
        <Link to={back.to} data-testid="portal-back">
          ‹ {back.label}
        </Link>
      </div>
      <section style={panelStyle}>{content}</section>
    </PortalShell>
  );
}

export function NoticePage() {
  const id = Number(useParams().id);
  const load = usePublic(`notice:${id}`, (signal) => portalApi.notice(id, signal));
  return (
    <ArticleView
      heading="通知公告"
      back={{ to: '/portal?tab=notices', label: '返回通知公告' }}
      load={load}
      article={(n) => ({ title: n.title, meta: `${n.cppcc}　${chineseDay(n.publishOn)}`, text: n.body })}
    />
  );
}

export function DisclosedItemPage() {
  const id = Number(useParams().id);
  const load = usePublic(`item:${id}`, (signal) => portalApi.disclosure(id, signal));
  return (
    <ArticleView
      heading="社情民意信息公开"
      back={{ to: '/portal?tab=items', label: '返回信息公开' }}
      load={load}
      article={(d) => ({
        title: d.title,
        meta: [
          d.cppcc,
          d.publication ? `刊于《${d.publication}》` : '',
          d.topic ? `${d.category}·${d.topic}` : d.category,
          `${chineseDay(d.disclosedOn)}公开`,
        ]
          .filter(Boolean)
          .join('　'),
        text: d.text,
      })}
    />
  );
}
