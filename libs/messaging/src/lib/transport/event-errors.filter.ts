import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Gives a handler's error back to the inbox consumer as it was thrown. Nest's default filter for
 * messages turns every error into "Internal server error", while the consumer must tell a
 * database outage (stop, redeliver later) from a bad event (dead letters) by the error itself.
 */
@Catch()
export class EventErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
