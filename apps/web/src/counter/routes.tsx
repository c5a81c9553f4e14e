import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const DESK = ['desk-officer'] as const;

const deskPages = () => import('../reception/pages');

/** The desk's screens in the menu frame: filing at the counter, online filings, supplements and results, the queue. */
export const counterRoutes: RouteObject[] = [
  lazyPage('quay/tiep-nhan', DESK, () => import('./CounterFilingPage').then((module) => module.CounterFilingPage)),
  lazyPage('quay/truc-tuyen', DESK, () => deskPages().then((module) => module.OnlineFilingsPage)),
  lazyPage('quay/tra-ket-qua', DESK, () => deskPages().then((module) => module.HandoverPage)),
  lazyPage('quay/xep-hang', DESK, () => deskPages().then((module) => module.QueuePage)),
];

/** The desk's full-screen pages: the receipt to print, the waiting room's screen. */
export const counterStandaloneRoutes: RouteObject[] = [
  lazyPage('quay/bien-nhan/:code', DESK, () => import('./ReceiptPage').then((module) => module.ReceiptPage)),
  lazyPage('man-hinh-cho/:unitCode', DESK, () =>
    import('../queue/WaitingRoomPage').then((module) => module.WaitingRoomPage),
  ),
];
