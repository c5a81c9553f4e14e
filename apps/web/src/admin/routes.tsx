import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazy-page';

const ADMINS = ['province-admin'] as const;

/** The province administrator's screens: certificates, templates, calendar, webhooks, deliveries. */
export const adminRoutes: RouteObject[] = [
  lazyPage('quan-tri/chung-thu', ADMINS, () => import('./certificates/CertificatesPage').then((module) => module.CertificatesPage)),
  lazyPage('quan-tri/mau-thong-bao', ADMINS, () => import('./templates/TemplatesPage').then((module) => module.TemplatesPage)),
  lazyPage('quan-tri/mau-thong-bao/:kind/:channel/:locale', ADMINS, () => import('./templates/TemplateEditorPage').then((module) => module.TemplateEditorPage)),
];
