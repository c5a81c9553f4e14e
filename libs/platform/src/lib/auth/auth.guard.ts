import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@onestop/contracts';
import type { Request } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { hasAnyRole, Principal } from './principal';
import { bearerToken, verifyBearer } from './bearer';
import { TokenVerifier } from './token-verifier';

/**
 * Guards every route by default: a valid bearer token is required unless the route is @Public(),
 * and @Roles() narrows who may call it. On a public route a valid token is still read, so a
 * logged-in citizen is recognised.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const token = bearerToken(request);
    if (!token) {
      if (isPublic) return true;
      throw new ProblemException(401, 'Authentication required', { detail: 'send a bearer token' });
    }
    try {
      request.principal = await verifyBearer(this.verifier, token);
    } catch (error) {
      if (isPublic) return true;
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (roles?.length && !hasAnyRole(request.principal, roles)) {
      throw new ProblemException(403, 'Not allowed', { detail: `requires one of the roles: ${roles.join(', ')}` });
    }
    return true;
  }
}
