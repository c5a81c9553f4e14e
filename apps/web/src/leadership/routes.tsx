import type { RouteObject } from 'react-router-dom';

/** The unit leader's screens: approvals and signing, apology letters, escalations, the unit's officers. */
export const leadershipRoutes: RouteObject[] = [];
