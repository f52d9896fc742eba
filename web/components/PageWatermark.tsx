import { Watermark } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { Me } from '../../shared/schemas/auth.ts';
import { formatDateTime } from './format.ts';

/** Faint user + time watermark over internal pages (and the dialogs opened from them). */
export function PageWatermark({ me, children }: { me: Me; children: ReactNode }) {
  const [now, setNow] = useState(() => formatDateTime(new Date()));
  useEffect(() => {
    // Ticks often; React skips the render while the minute has not changed.
    const timer = window.setInterval(() => setNow(formatDateTime(new Date())), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <div data-testid="watermark" data-watermark-time={now} style={{ height: '100%' }}>
      <Watermark
        content={[`${me.realName} ${me.login}`, now]}
        font={{ color: 'rgba(0, 0, 0, 0.07)', fontSize: 14 }}
        gap={[120, 110]}
        rotate={-20}
        style={{ minHeight: '100%' }}
      >
        {children}
      </Watermark>
    </div>
  );
}
