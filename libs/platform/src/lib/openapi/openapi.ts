import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_OPERATION } from '../auth/auth.decorators';
import { problemResponse, ProblemStatus } from './problem-responses';
import { Problem } from './problem.schema';

const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Serves the service's OpenAPI document at /docs (UI) and /docs-json. */
export function setupOpenApi(app: INestApplication, service: string, description: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`OneStop ${service}`)
      .setDescription(description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
      .build(),
    // Every operation's error answers refer to it, whether or not a controller named it.
    { extraModels: [Problem] },
  );
  SwaggerModule.setup('docs', app, describeAccessAndEdge(document), { jsonDocumentUrl: 'docs-json' });
}

/**
 * Every operation's security from @Public() (a bearer token unless public), and the problem+json
 * answers the platform gives on every route whatever its controller says: 400 from the request
 * edge, 401 and 403 from the AuthGuard, 413 and 415 for bodies, 429 from the rate limit (which
 * skips health).
 */
function describeAccessAndEdge(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as
        (NonNullable<(typeof item)[typeof method]> & Record<string, unknown>) | undefined;
      if (!operation) continue;
      const isPublic = operation[PUBLIC_OPERATION] === true;
      delete operation[PUBLIC_OPERATION];
      operation.security = isPublic ? [] : [{ [BEARER]: [] }];
      const statuses: ProblemStatus[] = [400];
      if (!isPublic) statuses.push(401, 403);
      if (operation.requestBody) statuses.push(413, 415);
      if (!path.startsWith('/health')) statuses.push(429);
      for (const status of statuses) operation.responses[status] ??= problemResponse(status);
    }
  }
  return document;
}
