import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const DESK = ['desk-officer'] as const;

/** The desk's screens in the menu frame. */
export const counterRoutes: RouteObject[] = [
  lazyPage('quay/tiep-nhan', DESK, () => import('./CounterFilingPage').then((module) => module.CounterFilingPage)),
];

/** The desk's full-screen pages: the receipt to print. */
export const counterStandaloneRoutes: RouteObject[] = [
  lazyPage('quay/bien-nhan/:code', DESK, () => import('./ReceiptPage').then((module) => module.ReceiptPage)),
];
