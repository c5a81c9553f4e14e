import type { Response } from 'supertest';

/** A supertest parser that collects a binary body (PDF, DER) into a Buffer; it buffers only text by default. */
export function binaryBody(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
