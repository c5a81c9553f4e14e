import { json, raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { invalidRequest, ProblemException } from '../../errors/problem.exception';
import { TokenVerifier } from '../../auth/token-verifier';
import { bearerToken, verifyBearer } from '../../auth/bearer';
import { inputShapeProblem } from './input-shape';

/** Every JSON body but those of the routes a service names as large. */
export const SMALL_JSON_LIMIT = '64kb';

/** A route whose body may be larger than small JSON (PDFs as base64 or as themselves). */
export interface LargeBodyRoute {
  method: 'POST' | 'PUT';
  /** Express-style path, `:name` for a segment: `/api/v1/signatures/preparations/:id/completion`. */
  path: string;
  limit: string;
  /** `json`, or the binary media types read as a Buffer. */
  media: 'json' | string[];
  /** Answers without a token; otherwise the token is verified before a byte of the body is read. */
  public?: boolean;
}

/** Compressed request bodies are no client's need here, and a broken one used to end in a 500. */
function refuseContentEncoding(request: Request, _response: Response, next: NextFunction): void {
  const encoding = request.headers['content-encoding'];
  if (encoding && encoding.trim().toLowerCase() !== 'identity') {
    next(
      new ProblemException(415, 'Content-Encoding is not accepted', {
        detail: `send the body without Content-Encoding (got ${encoding})`,
      }),
    );
    return;
  }
  next();
}

function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('/')}/?$`);
}

/**
 * One body reader per large route, placed before the small JSON reader. A route that needs a
 * token gets it checked first, so an anonymous caller cannot make the service read megabytes.
 */
function largeBodyReader(route: LargeBodyRoute, verifier: () => TokenVerifier): RequestHandler {
  const pattern = pathPattern(route.path);
  const read = route.media === 'json' ? json({ limit: route.limit }) : raw({ type: route.media, limit: route.limit });
  return (request, response, next) => {
    if (request.method !== route.method || !pattern.test(request.path)) return next();
    const proceed = () => read(request, response, next);
    if (route.public) return proceed();
    const token = bearerToken(request);
    if (!token) return next(new ProblemException(401, 'Authentication required', { detail: 'send a bearer token' }));
    verifyBearer(verifier(), token).then(proceed, next);
  };
}

/** NUL characters and deep nesting are refused wherever input arrives: path, query and body. */
function checkInputShape(request: Request, _response: Response, next: NextFunction): void {
  const path = request.originalUrl.split('?')[0] ?? '';
  if (path.includes('%00') || path.includes('\u0000')) {
    next(invalidRequest([{ field: 'path', code: 'containsNul', message: 'must not contain a NUL character' }]));
    return;
  }
  const body: unknown = Buffer.isBuffer(request.body) ? undefined : request.body;
  const problem = inputShapeProblem(request.query, 'query') ?? inputShapeProblem(body, '');
  next(problem ? invalidRequest([{ ...problem, field: problem.field || 'body' }]) : undefined);
}

/**
 * The request side of the HTTP edge, in order: refuse compressed bodies, read large bodies on the
 * routes that take them (token first), read small JSON elsewhere, then refuse input whose shape
 * no operation accepts. Errors go to the platform's problem+json filter.
 */
export function requestEdge(largeBodies: LargeBodyRoute[], verifier: () => TokenVerifier): RequestHandler[] {
  return [
    refuseContentEncoding,
    ...largeBodies.map((route) => largeBodyReader(route, verifier)),
    json({ limit: SMALL_JSON_LIMIT }),
    checkInputShape,
  ];
}
