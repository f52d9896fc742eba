import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';

export const BLUE = '#1a4f8b';

export const PORTAL_TABS = {
  ranking: '报送排行',
  notices: '通知公告',
  items: '信息公开',
} as const;
export type PortalTab = keyof typeof PORTAL_TABS;

/** The white panel every portal view sits on. */
export const panelStyle = {
  marginTop: 12,
  background: '#fff',
  borderRadius: 8,
  boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
  padding: '12px 16px',
} as const;

export function usePortalTitle(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} - 民意直通车`;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

interface Props {
  /** The words after 民意直通车 in the header. */
  heading: string;
  /** The section tabs, when the page is one of the three lists. */
  tab?: { value: PortalTab; onChange: (tab: PortalTab) => void };
  /** Left of the footer (e.g. when the ranking was updated). */
  status?: ReactNode;
  children: ReactNode;
}

/**
 * The portal's frame: blue header, section tabs (buttons, so the only link out is the staff
 * login), a narrow column that reads well on a phone, and the footer.
 */
export function PortalShell({ heading, tab, status, children }: Props) {
  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', boxSizing: 'border-box' }}>
      <header style={{ background: BLUE, padding: '20px 16px', textAlign: 'center' }}>
        <Typography.Title
          level={3}
          style={{ color: '#fff', margin: 0, fontSize: 'clamp(18px, 5vw, 24px)' }}
          data-testid="portal-title"
        >
          {/* If the line must wrap, it wraps at the separator and nowhere else. */}
          <span style={{ whiteSpace: 'nowrap' }}>民意直通车</span> ·{' '}
          <span style={{ whiteSpace: 'nowrap' }}>{heading}</span>
        </Typography.Title>
      </header>
      {tab && (
        <nav
          style={{ background: '#fff', borderBottom: '1px solid #e8e8e8' }}
          aria-label="门户栏目"
          data-testid="portal-tabs"
        >
          <div style={{ maxWidth: 720, margin: '0 auto', display: 'flex' }}>
            {(Object.keys(PORTAL_TABS) as PortalTab[]).map((key) => {
              const active = key === tab.value;
              return (
                <button
                  key={key}
                  type="button"
                  onClick={() => tab.onChange(key)}
                  aria-current={active ? 'page' : undefined}
                  data-testid={`portal-tab-${key}`}
                  style={{
                    flex: 1,
                    padding: '12px 4px',
                    border: 'none',
                    borderBottom: `3px solid ${active ? BLUE : 'transparent'}`,
                    background: 'none',
                    color: active ? BLUE : 'rgba(0,0,0,0.65)',
                    fontWeight: active ? 600 : 400,
                    fontSize: 15,
                    cursor: 'pointer',
                  }}
                >
                  {PORTAL_TABS[key]}
                </button>
              );
            })}
          </div>
        </nav>
      )}
      <main style={{ maxWidth: 720, margin: '0 auto', padding: '4px 12px 24px', boxSizing: 'border-box' }}>
        {children}
        <footer
          style={{
            marginTop: 12,
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            flexWrap: 'wrap',
            fontSize: 13,
          }}
        >
          <Typography.Text type="secondary" data-testid="portal-updated">
            {status}
          </Typography.Text>
          <Link to="/login" data-testid="portal-login">
            工作人员登录
          </Link>
        </footer>
      </main>
    </div>
  );
}
