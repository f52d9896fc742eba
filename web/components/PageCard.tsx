import { Card } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** Page-level buttons; they wrap on narrow screens instead of squeezing the title. */
  actions?: ReactNode;
  children: ReactNode;
}

export function PageCard({ title, actions, children }: Props) {
  return (
    <Card title={title} styles={{ body: { padding: 16 } }}>
      {actions && (
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'flex-end', marginBottom: 12 }}
        >
          {actions}
        </div>
      )}
      {children}
    </Card>
  );
}
