import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Role } from '@onestop/contracts';
import { Principal } from './principal';

export const PUBLIC_ROUTE = 'onestop:public';
export const REQUIRED_ROLES = 'onestop:roles';
/** Marks a public operation in the OpenAPI document until setupOpenApi turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-onestop-public';

/**
 * The route answers without a token (public status look-up, verification, health), and its
 * OpenAPI operation says so.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));

/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
