import { Agent, request } from 'node:http';

export interface LoadResult {
  /** Requests answered with the expected status. */
  succeeded: number;
  failed: number;
  statuses: Record<string, number>;
  seconds: number;
  /** Milliseconds per request, sorted. */
  latencies: number[];
}

export interface HttpCall {
  port: number;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request over the agent's kept-alive connections; its status, 0 when the connection failed. */
export function send(agent: Agent, call: HttpCall): Promise<number> {
  return new Promise((resolve) => {
    const headers =
      call.body === undefined
        ? call.headers
        : {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(call.body)),
            ...call.headers,
          };
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port: call.port,
        method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
        path: call.path,
        headers,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(call.body);
  });
}

/**
 * `concurrency` clients, each sending one request after another for `seconds`; `next(client, n)`
 * says what the n-th request is. Counts the answers with status `expected` as succeeded.
 */
export async function loadForSeconds(
  concurrency: number,
  seconds: number,
  expected: number,
  next: (client: number, n: number) => HttpCall,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const result: LoadResult = { succeeded: 0, failed: 0, statuses: {}, seconds, latencies: [] };
  const began = performance.now();
  const end = began + seconds * 1000;
  const client = async (index: number) => {
    for (let n = index; performance.now() < end; n += concurrency) {
      const call = next(index, n);
      const sent = performance.now();
      const status = await send(agent, call);
      result.latencies.push(performance.now() - sent);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (status === expected) result.succeeded += 1;
      else result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  result.seconds = (performance.now() - began) / 1000;
  agent.destroy();
  result.latencies.sort((a, b) => a - b);
  return result;
}
