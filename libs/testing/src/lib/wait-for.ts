/** Polls until the condition holds; fails with what it was waiting for. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Sends until the effect is seen. A consumer group starting at the latest offsets takes its
 * position a moment after it joins, and what is sent in that moment passes it by; sending again is
 * harmless where the consumer is idempotent (the inbox's job).
 */
export async function sendUntilSeen(send: () => Promise<unknown>, seen: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await send();
    try {
      return await waitFor(seen, 5_000, what);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
