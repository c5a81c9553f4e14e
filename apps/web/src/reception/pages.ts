/**
 * The desk's framed screens in one chunk: they share most of their Ant Design components, and
 * one chunk splits the modules they share with the work queue into fewer pieces than three would.
 */
export { HandoverPage } from './HandoverPage';
export { OnlineFilingsPage } from './OnlineFilingsPage';
export { QueuePage } from '../queue/QueuePage';
