import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const LEADERS = ['unit-leader', 'province-leader', 'province-admin'] as const;

/** The leaders' dashboard, in a chunk of its own: ECharts loads with it and with nothing else. */
export const dashboardRoutes: RouteObject[] = [
  lazyPage('lanh-dao/bang-dieu-khien', LEADERS, () => import('./DashboardPage').then((module) => module.DashboardPage)),
];
