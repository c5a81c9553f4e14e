import { SendOutcome } from './channel-adapter';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs JSON to a provider with a time limit. A network error or a timeout is thrown as a
 * temporary failure's reason, so callers can tell "no answer" from an answer.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<HttpAnswer | { unreachable: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: kept as text for the reason.
    }
    return { status: response.status, body: parsed };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as Error).name;
    return {
      unreachable:
        name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${cause ?? name}: ${(error as Error).message}`,
    };
  }
}

/**
 * The usual meaning of HTTP answers: 2xx taken, 408/425/429/5xx worth another try later, other
 * 4xx refused for good (bad number, unknown template: trying again changes nothing).
 */
export function classifyHttp(
  provider: string,
  answer: HttpAnswer | { unreachable: string },
): Exclude<SendOutcome, { kind: 'accepted' | 'deferred' }> | null {
  if ('unreachable' in answer) return { kind: 'temporary-failure', provider, reason: answer.unreachable };
  if (answer.status >= 200 && answer.status < 300) return null;
  const reason = `HTTP ${answer.status}: ${describe(answer.body)}`;
  if (answer.status >= 500 || [408, 425, 429].includes(answer.status))
    return { kind: 'temporary-failure', provider, reason };
  return { kind: 'permanent-failure', provider, reason };
}

function describe(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (text ?? '').slice(0, 300);
}
