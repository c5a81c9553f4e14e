import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The usual protective headers. The CSP keeps /docs working: Swagger UI loads its scripts from
 * this origin and styles itself inline; nothing else here serves HTML. HSTS only in production,
 * where TLS ends at the province's Ingress; locally it would pin http://127.0.0.1 to https.
 */
export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/**
 * Answers are personal more often than not (dossiers, applicants, inboxes, signed results), so
 * nothing is stored by browsers or shared caches unless a route says otherwise by setting its own
 * Cache-Control (which replaces this one).
 */
export function noStoreByDefault(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/** Cross-origin calls only from the origins the settings list; none when the list is empty. */
export function corsOptions(origins: string[]): CorsOptions {
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.includes(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
    exposedHeaders: ['Location', 'Retry-After', 'ETag', 'X-Correlation-Id'],
    maxAge: 600,
  };
}
