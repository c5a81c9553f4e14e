/**
 * Every administration screen in one chunk: the administrator moves between them, and a single
 * entry keeps the chunks the other screens share (Ant Design's) from being split up around seven.
 */
export { CalendarPage } from './calendar/CalendarPage';
export { CertificatesPage } from './certificates/CertificatesPage';
export { DeliveriesPage } from './deliveries/DeliveriesPage';
export { DeliveryPage } from './deliveries/DeliveryPage';
export { TemplateEditorPage } from './templates/TemplateEditorPage';
export { TemplatesPage } from './templates/TemplatesPage';
export { WebhooksPage } from './webhooks/WebhooksPage';
