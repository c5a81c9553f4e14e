import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const LEADERS = ['unit-leader'] as const;
const UNIT_ADMINISTRATORS = ['unit-leader', 'province-admin'] as const;

const pages = () => import('./pages');

/** The unit leader's screens: approvals and signing, apology letters, escalations, the unit's officers. */
export const leadershipRoutes: RouteObject[] = [
  lazyPage('lanh-dao/phe-duyet', LEADERS, () => pages().then((module) => module.ApprovalsPage)),
  lazyPage('lanh-dao/xin-loi', LEADERS, () => pages().then((module) => module.ApologiesPage)),
  lazyPage('lanh-dao/canh-bao', LEADERS, () => pages().then((module) => module.EscalationsPage)),
  lazyPage('lanh-dao/can-bo', UNIT_ADMINISTRATORS, () => pages().then((module) => module.OfficersPage)),
];
