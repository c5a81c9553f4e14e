import type { RouteObject } from 'react-router-dom';
import { adminRoutes } from '../admin/routes';
import { SignInCallback } from '../auth/SessionPages';
import { SIGN_IN_CALLBACK_PATH } from '../auth/session';
import { counterRoutes, counterStandaloneRoutes } from '../counter/routes';
import { dashboardRoutes } from '../dashboard/routes';
import { leadershipRoutes } from '../leadership/routes';
import { processingRoutes } from '../work-queue/routes';
import { HomeRedirect } from './HomeRedirect';
import { NotFound } from './NotFound';
import { SignedInOnly } from './SignedInOnly';

export const routes: RouteObject[] = [
  { path: SIGN_IN_CALLBACK_PATH, element: <SignInCallback /> },
  // The citizens' status look-up, where a receipt's QR code leads: no sign-in.
  {
    path: 'tra-cuu',
    lazy: () => import('../lookup/PublicLookupPage').then((module) => ({ Component: module.PublicLookupPage })),
  },
  // Where a signed result's QR code leads, and a PDF's check: no sign-in.
  // A queue number from home, followed until the desk calls it: no sign-in.
  {
    path: 'lay-so',
    lazy: () => import('../ticket/TakeTicketPage').then((module) => ({ Component: module.TakeTicketPage })),
  },
  {
    path: 'xac-minh/:code?',
    lazy: () => import('../verification/VerificationPage').then((module) => ({ Component: module.VerificationPage })),
  },
  // A signed-in citizen's own dossiers, in the citizens' plain pages rather than the officers' frame.
  {
    element: <SignedInOnly />,
    children: [
      {
        path: 'cua-toi',
        lazy: () => import('../my-dossiers/MyDossiersPage').then((module) => ({ Component: module.MyDossiersPage })),
      },
    ],
  },
  {
    element: <SignedInOnly />,
    children: [
      {
        // Ant Design and the menu frame load with the first screen after sign-in, not with the sign-in page.
        lazy: () => import('./AntdFrame').then((module) => ({ Component: module.AntdFrame })),
        children: [
          // Full-screen pages without the menu: a receipt to print, the waiting-room display.
          ...counterStandaloneRoutes,
          {
            lazy: () => import('./shell/AppShell').then((module) => ({ Component: module.AppShell })),
            children: [
              { index: true, element: <HomeRedirect /> },
              ...counterRoutes,
              ...processingRoutes,
              ...leadershipRoutes,
              ...dashboardRoutes,
              ...adminRoutes,
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
];
