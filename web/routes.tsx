import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RouteError } from './components/RouteError.tsx';
import { SessionRoot } from './components/SessionRoot.tsx';

/**
 * Each screen is its own chunk, so the login page loads only what it needs. Which screens a
 * user may open is decided in the layout from `components/screens.ts`.
 */
function screen(load: () => Promise<ComponentType>): RouteObject['lazy'] {
  return async () => ({ Component: await load() });
}

const routes: RouteObject[] = [
  // The public portal sits outside the session root: it never asks who the reader is.
  {
    path: '/portal',
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    lazy: screen(() => import('./pages/portal/PortalPage.tsx').then((m) => m.PortalPage)),
  },
  {
    path: '/portal/notices/:id',
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    lazy: screen(() => import('./pages/portal/PortalDetail.tsx').then((m) => m.NoticePage)),
  },
  {
    path: '/portal/items/:id',
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    lazy: screen(() => import('./pages/portal/PortalDetail.tsx').then((m) => m.DisclosedItemPage)),
  },
  {
    path: '/',
    Component: SessionRoot,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    children: [
      { path: 'login', lazy: screen(() => import('./pages/login/LoginPage.tsx').then((m) => m.LoginPage)) },
      {
        path: 'password',
        lazy: screen(() => import('./pages/auth/PasswordChangePage.tsx').then((m) => m.PasswordChangePage)),
      },
      {
        path: 'totp-enroll',
        lazy: screen(() => import('./pages/auth/TotpEnrollPage.tsx').then((m) => m.TotpEnrollPage)),
      },
      {
        lazy: screen(() => import('./components/AppLayout.tsx').then((m) => m.AppLayout)),
        children: [
          { index: true, lazy: screen(() => import('./pages/home/HomePage.tsx').then((m) => m.HomePage)) },
          {
            path: 'my-items',
            lazy: screen(() => import('./pages/my-items/MyItemsPage.tsx').then((m) => m.MyItemsPage)),
          },
          {
            path: 'my-items/new',
            lazy: screen(() =>
              import('./pages/item-editor/ItemEditorPage.tsx').then((m) => m.ItemEditorPage),
            ),
          },
          {
            path: 'my-items/:id/edit',
            lazy: screen(() =>
              import('./pages/item-editor/ItemEditorPage.tsx').then((m) => m.ItemEditorPage),
            ),
          },
          {
            path: 'items/:id',
            lazy: screen(() => import('./pages/item/ItemPage.tsx').then((m) => m.ItemPage)),
          },
          {
            path: 'workbench',
            lazy: screen(() => import('./pages/workbench/WorkbenchPage.tsx').then((m) => m.WorkbenchPage)),
          },
          {
            path: 'issues',
            lazy: screen(() => import('./pages/issues/IssuesPage.tsx').then((m) => m.IssuesPage)),
          },
          {
            path: 'issues/:id',
            lazy: screen(() => import('./pages/issues/IssuePage.tsx').then((m) => m.IssuePage)),
          },
          {
            path: 'approvals',
            lazy: screen(() => import('./pages/issues/ApprovalsPage.tsx').then((m) => m.ApprovalsPage)),
          },
          {
            path: 'publications',
            lazy: screen(() =>
              import('./pages/publications/PublicationsPage.tsx').then((m) => m.PublicationsPage),
            ),
          },
          {
            path: 'approval-chains',
            lazy: screen(() => import('./pages/chains/ChainsPage.tsx').then((m) => m.ChainsPage)),
          },
          {
            path: 'referrals',
            lazy: screen(() => import('./pages/referrals/ReferralsPage.tsx').then((m) => m.ReferralsPage)),
          },
          {
            path: 'referrals/:id',
            lazy: screen(() => import('./pages/referrals/ReferralPage.tsx').then((m) => m.ReferralPage)),
          },
          {
            path: 'supervision',
            lazy: screen(() =>
              import('./pages/supervision/SupervisionPage.tsx').then((m) => m.SupervisionPage),
            ),
          },
          {
            path: 'stats',
            lazy: screen(() => import('./pages/stats/StatsPage.tsx').then((m) => m.StatsPage)),
          },
          {
            path: 'performance',
            lazy: screen(() =>
              import('./pages/performance/PerformancePage.tsx').then((m) => m.PerformancePage),
            ),
          },
          {
            path: 'my-performance',
            lazy: screen(() =>
              import('./pages/performance/MyPerformancePage.tsx').then((m) => m.MyPerformancePage),
            ),
          },
          {
            path: 'reports',
            lazy: screen(() => import('./pages/reports/ReportsPage.tsx').then((m) => m.ReportsPage)),
          },
          {
            path: 'scoring',
            lazy: screen(() => import('./pages/scoring/ScoringPage.tsx').then((m) => m.ScoringPage)),
          },
          {
            path: 'awards',
            lazy: screen(() => import('./pages/awards/AwardsPage.tsx').then((m) => m.AwardsPage)),
          },
          {
            path: 'awards/:id',
            lazy: screen(() => import('./pages/awards/AwardRoundPage.tsx').then((m) => m.AwardRoundPage)),
          },
          {
            path: 'disclosures',
            lazy: screen(() =>
              import('./pages/disclosures/DisclosuresPage.tsx').then((m) => m.DisclosuresPage),
            ),
          },
          {
            path: 'posts',
            lazy: screen(() => import('./pages/posts/PostsPage.tsx').then((m) => m.PostsPage)),
          },
          { path: 'duty', lazy: screen(() => import('./pages/duty/DutyPage.tsx').then((m) => m.DutyPage)) },
          { path: 'orgs', lazy: screen(() => import('./pages/orgs/OrgsPage.tsx').then((m) => m.OrgsPage)) },
          {
            path: 'users',
            lazy: screen(() => import('./pages/users/UsersPage.tsx').then((m) => m.UsersPage)),
          },
          {
            path: 'grants',
            lazy: screen(() => import('./pages/grants/GrantsPage.tsx').then((m) => m.GrantsPage)),
          },
          {
            path: 'sessions',
            lazy: screen(() => import('./pages/sessions/OnlineUsersPage.tsx').then((m) => m.OnlineUsersPage)),
          },
          {
            path: 'login-log',
            lazy: screen(() => import('./pages/login-log/LoginLogPage.tsx').then((m) => m.LoginLogPage)),
          },
          {
            path: 'audit',
            lazy: screen(() => import('./pages/audit/AuditPage.tsx').then((m) => m.AuditPage)),
          },
          {
            path: 'topics',
            lazy: screen(() => import('./pages/topics/TopicsPage.tsx').then((m) => m.TopicsPage)),
          },
          {
            path: 'routing',
            lazy: screen(() => import('./pages/routing/RoutingPage.tsx').then((m) => m.RoutingPage)),
          },
          {
            path: 'settings',
            lazy: screen(() => import('./pages/settings/SettingsPage.tsx').then((m) => m.SettingsPage)),
          },
          {
            path: 'profile',
            lazy: screen(() => import('./pages/profile/ProfilePage.tsx').then((m) => m.ProfilePage)),
          },
          {
            path: '*',
            lazy: screen(() => import('./pages/home/NotFoundPage.tsx').then((m) => m.NotFoundPage)),
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
