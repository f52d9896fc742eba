import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** Heading of the card (e.g. 用户登录). */
  heading: string;
  children: ReactNode;
}

/** Frame of the screens shown before the workbench: login, forced password change, TOTP enrolment. */
export function AuthShell({ heading, children }: Props) {
  return (
    <div
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(180deg, #1a4f8b 0, #1a4f8b 240px, #f0f2f5 240px)',
        padding: '48px 16px 24px',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ maxWidth: 420, margin: '0 auto' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 4 }}>
            民意直通车
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 15 }}>
            政协信息工作平台
          </Typography.Text>
        </div>
        {/* A plain panel rather than antd Card, which would pull tabs and menus into the login bundle. */}
        <section
          style={{
            background: '#fff',
            borderRadius: 8,
            boxShadow: '0 2px 12px rgba(0, 21, 41, 0.12)',
            padding: '20px 24px 8px',
          }}
        >
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20 }}>
            {heading}
          </Typography.Title>
          {children}
        </section>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          本系统仅限授权人员使用，所有操作均记录审计日志
        </Typography.Paragraph>
      </div>
    </div>
  );
}
