import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { SessionProvider, useSessionQuery } from './auth/session.js';
import { SignInPage } from './auth/SignInPage.js';
import { PageLoading } from './components/PageLoading.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { Shell } from './layout/Shell.js';
import { TodayPage } from './pages/today/TodayPage.js';
import { QueuePage } from './pages/queue/QueuePage.js';

// The pages people open less often load on first use.
const CasePage = lazy(() => import('./pages/case/CasePage.js').then((m) => ({ default: m.CasePage })));
const WarehousePage = lazy(() => import('./pages/warehouse/WarehousePage.js').then((m) => ({ default: m.WarehousePage })));
const PolicyPage = lazy(() => import('./pages/policy/PolicyPage.js').then((m) => ({ default: m.PolicyPage })));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
const BuyersPage = lazy(() => import('./pages/buyers/BuyersPage.js').then((m) => ({ default: m.BuyersPage })));
const BuyerPage = lazy(() => import('./pages/buyers/BuyerPage.js').then((m) => ({ default: m.BuyerPage })));
const AnalyticsPage = lazy(() => import('./pages/analytics/AnalyticsPage.js').then((m) => ({ default: m.AnalyticsPage })));

const router = createBrowserRouter(
  [
    {
      element: <Shell />,
      children: [
        { index: true, element: <TodayPage /> },
        { path: 'queue', element: <QueuePage /> },
        { path: 'cases/:id', element: <CasePage /> },
        { path: 'warehouse', element: <WarehousePage /> },
        { path: 'policy', element: <PolicyPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'settings/:tab', element: <SettingsPage /> },
        { path: 'analytics', element: <AnalyticsPage /> },
        { path: 'buyers', element: <BuyersPage /> },
        { path: 'buyers/:id', element: <BuyerPage /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);

export function App() {
  const session = useSessionQuery();
  if (session.isPending) return <PageLoading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) return <SignInPage />;
  return (
    <SessionProvider session={session.data}>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
