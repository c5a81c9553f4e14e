/**
 * The leader's four screens in one chunk: they share their dialogs and most of Ant Design's pieces,
 * and one chunk beside the work queue's splits the shared libraries far less than four would,
 * which keeps the work queue's own download small.
 */
export { ApologiesPage } from './apologies/ApologiesPage';
export { ApprovalsPage } from './approvals/ApprovalsPage';
export { EscalationsPage } from './escalations/EscalationsPage';
export { OfficersPage } from './officers/OfficersPage';
