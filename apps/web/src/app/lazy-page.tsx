import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Role } from '../auth/session';
import { RoleGate } from './RoleGate';

/**
 * A route whose screen loads with its own chunk (and its strings) when first opened, shown only
 * to the roles given: each feature's code stays out of the others' downloads.
 */
export function lazyPage(path: string, roles: readonly Role[], load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        Component: () => (
          <RoleGate roles={roles}>
            <Page />
          </RoleGate>
        ),
      };
    },
  };
}
