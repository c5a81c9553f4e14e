import { Role } from '../auth/session';

/** A screen in the menu: its path, its label key and who may open it (the services check again: this only keeps menus honest). */
export interface Destination {
  path: string;
  labelKey: string;
  roles: readonly Role[];
  group: 'desk' | 'processing' | 'leadership' | 'administration';
}

const DESK: readonly Role[] = ['desk-officer'];
const OFFICERS: readonly Role[] = ['specialist', 'unit-leader'];
const LEADERS: readonly Role[] = ['unit-leader'];
const ADMINS: readonly Role[] = ['province-admin'];
const DASHBOARD_VIEWERS: readonly Role[] = ['unit-leader', 'province-leader', 'province-admin'];

export const DESTINATIONS: Destination[] = [
  { path: '/quay/tiep-nhan', labelKey: 'menu.counter', roles: DESK, group: 'desk' },
  { path: '/quay/truc-tuyen', labelKey: 'menu.online', roles: DESK, group: 'desk' },
  { path: '/quay/tra-ket-qua', labelKey: 'menu.handover', roles: DESK, group: 'desk' },
  { path: '/quay/xep-hang', labelKey: 'menu.queue', roles: DESK, group: 'desk' },
  { path: '/ho-so', labelKey: 'menu.workQueue', roles: OFFICERS, group: 'processing' },
  { path: '/lanh-dao/bang-dieu-khien', labelKey: 'menu.dashboard', roles: DASHBOARD_VIEWERS, group: 'leadership' },
  { path: '/lanh-dao/phe-duyet', labelKey: 'menu.approvals', roles: LEADERS, group: 'leadership' },
  { path: '/lanh-dao/xin-loi', labelKey: 'menu.apologies', roles: LEADERS, group: 'leadership' },
  { path: '/lanh-dao/canh-bao', labelKey: 'menu.escalations', roles: LEADERS, group: 'leadership' },
  { path: '/lanh-dao/can-bo', labelKey: 'menu.officers', roles: [...LEADERS, ...ADMINS], group: 'leadership' },
  { path: '/quan-tri/chung-thu', labelKey: 'menu.certificates', roles: ADMINS, group: 'administration' },
  { path: '/quan-tri/mau-thong-bao', labelKey: 'menu.templates', roles: ADMINS, group: 'administration' },
  { path: '/quan-tri/lich', labelKey: 'menu.calendar', roles: ADMINS, group: 'administration' },
  { path: '/quan-tri/webhook', labelKey: 'menu.webhooks', roles: ADMINS, group: 'administration' },
  { path: '/quan-tri/gui-thong-bao', labelKey: 'menu.deliveries', roles: ADMINS, group: 'administration' },
];

export function destinationsFor(roles: readonly Role[]): Destination[] {
  return DESTINATIONS.filter((destination) => destination.roles.some((role) => roles.includes(role)));
}
