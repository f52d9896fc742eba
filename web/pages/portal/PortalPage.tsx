import { useSearchParams } from 'react-router';
import { DisclosuresView, NoticesView } from './PortalLists.tsx';
import { PORTAL_TABS, type PortalTab } from './PortalShell.tsx';
import { RankingView } from './RankingView.tsx';

/**
 * The public portal (R4.4, R4.9): no login, nothing internal. Three sections — the rolling
 * ranking (the default, as links to /portal have always shown it), notices and the items the
 * office disclosed — chosen in the address (`?tab=`), so a reload or a shared link shows the same.
 */
export function PortalPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const value: PortalTab = asked && asked in PORTAL_TABS ? (asked as PortalTab) : 'ranking';
  const tab = {
    value,
    onChange: (next: PortalTab) => setParams(next === 'ranking' ? {} : { tab: next }, { replace: true }),
  };
  if (value === 'notices') return <NoticesView tab={tab} />;
  if (value === 'items') return <DisclosuresView tab={tab} />;
  return <RankingView tab={tab} />;
}
