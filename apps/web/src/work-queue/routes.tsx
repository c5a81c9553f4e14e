import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const OFFICERS = ['specialist', 'unit-leader', 'desk-officer', 'province-admin', 'province-leader'] as const;

/** The work queue and the dossier page. */
export const processingRoutes: RouteObject[] = [
  lazyPage('ho-so', OFFICERS, () => import('./WorkQueuePage').then((module) => module.WorkQueuePage)),
  lazyPage('ho-so/:id', OFFICERS, () => import('../dossier/DossierPage').then((module) => module.DossierPage)),
];
