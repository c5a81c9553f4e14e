import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import { clientAddress } from './client-address';
import { WrongTries } from './wrong-tries';

export const WRONG_TRY_LIMIT = 'onestop:wrong-try-limit';

export interface WrongTryLimitOptions {
  /** The look-up's name in Redis keys, metrics and logs (`dossier-status`, `signed-result`). */
  lookup: string;
  /**
   * The code the guess is about, when the secret is something besides the code (the phone's
   * digits of a dossier): wrong tries then count per code too, from any address. Undefined for a
   * request whose code cannot exist: only its address counts.
   */
  code?: (request: Request) => string | undefined;
  /** Whether the look-up's error means a wrong guess; by default a 404. */
  isWrong?: (error: unknown) => boolean;
}

const notFound = (error: unknown) => error instanceof HttpException && error.getStatus() === 404;

/**
 * A public route that takes a guess: its wrong tries are counted per code and per address, and
 * too many lock it (429 whatever is sent, until the lock expires). See WrongTries.
 */
export const WrongTryLimit = (options: WrongTryLimitOptions) => SetMetadata(WRONG_TRY_LIMIT, options);

/**
 * Applies @WrongTryLimit: counts the try before the route runs (an interceptor, so after the
 * API limit and before validation), settles it from the route's answer.
 */
@Injectable()
export class WrongTryLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tries: WrongTries,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.get<WrongTryLimitOptions | undefined>(WRONG_TRY_LIMIT, context.getHandler());
    if (!options || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const reservation = await this.tries.begin(options.lookup, {
      code: options.code?.(request),
      address: clientAddress(request),
    });
    const isWrong = options.isWrong ?? notFound;
    return next.handle().pipe(
      mergeMap(async (value) => {
        await this.tries.settle(reservation, false);
        return value;
      }),
      catchError((error: unknown) =>
        from(this.tries.settle(reservation, isWrong(error))).pipe(
          mergeMap(() => {
            throw error;
          }),
        ),
      ),
    );
  }
}
