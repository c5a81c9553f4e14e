import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@onestop/contracts';
import type { Request, Response } from 'express';
import { problemType } from './problem.exception';

/** What body-parser and Express throw for a request they cannot read; always the client's fault. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

const BODY_PARSER_TITLES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
  'encoding.unsupported': 'The request body encoding is not supported',
  'charset.unsupported': 'The request body charset is not supported',
  'request.aborted': 'The request was aborted',
};

/**
 * Answers every error as problem+json. Client errors say what was wrong; anything unexpected is
 * logged with its stack and answered as a bare 500 that leaks nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem: ProblemDetails = { ...this.toProblem(exception), instance: request.originalUrl?.split('?')[0] };
    // Deliberate 5xx answers (e.g. not ready) are not faults; anything unexpected is.
    if (!(exception instanceof HttpException))
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem['retryAfterSeconds'] === 'number')
      response.setHeader('Retry-After', String(problem['retryAfterSeconds']));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) return fromHttpException(exception);
    const bodyError = exception as BodyParserError;
    const status = bodyError?.status ?? bodyError?.statusCode;
    // Express and body-parser mark the request's own faults (unreadable body, undecodable path) with a 4xx.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        type: problemType(status),
        title: (bodyError.type && BODY_PARSER_TITLES[bodyError.type]) || 'The request cannot be read',
        status,
      };
    }
    return { type: problemType(500), title: 'Internal error', status: 500 };
  }
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body) return body as ProblemDetails;
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  return {
    type: problemType(status),
    title: exception.message || 'Error',
    status,
    ...(detail && detail !== exception.message ? { detail } : {}),
  };
}
