import type { RouteObject } from 'react-router-dom';

/** The province administrator's screens: certificates, templates, calendar, webhooks, deliveries. */
export const adminRoutes: RouteObject[] = [];
