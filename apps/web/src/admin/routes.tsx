import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const ADMINS = ['province-admin'] as const;
const pages = () => import('./pages');

/** The province administrator's screens: certificates, templates, calendar, webhooks, deliveries. */
export const adminRoutes: RouteObject[] = [
  lazyPage('quan-tri/chung-thu', ADMINS, () => pages().then((module) => module.CertificatesPage)),
  lazyPage('quan-tri/mau-thong-bao', ADMINS, () => pages().then((module) => module.TemplatesPage)),
  lazyPage('quan-tri/mau-thong-bao/:kind/:channel/:locale', ADMINS, () =>
    pages().then((module) => module.TemplateEditorPage),
  ),
  lazyPage('quan-tri/lich', ADMINS, () => pages().then((module) => module.CalendarPage)),
  lazyPage('quan-tri/webhook', ADMINS, () => pages().then((module) => module.WebhooksPage)),
  lazyPage('quan-tri/gui-thong-bao', ADMINS, () => pages().then((module) => module.DeliveriesPage)),
  lazyPage('quan-tri/gui-thong-bao/:id', ADMINS, () => pages().then((module) => module.DeliveryPage)),
];
