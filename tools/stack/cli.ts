/** Wrong arguments on the command line: the tool exits with 2, as command-line tools do for usage errors. */
export class UsageError extends Error {}

/** Ends a command-line tool with one plain line instead of a stack trace. */
export function failAndExit(tool: string) {
  return (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${tool}: ${message}\n`);
    if (process.env['DEBUG']) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  };
}
