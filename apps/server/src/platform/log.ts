/**
 * The logger a use case writes to: the request's pino logger over HTTP, the CLI's or a job's otherwise.
 * Structural, so nothing below the entry layer needs Fastify's types.
 */
export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** For entries that have nowhere to write (tests, the demo seeder). */
export const silentLog: Log = { info() {}, warn() {}, error() {} };

/** The CLI's logger: warnings and errors on stderr, as one JSON line each. */
export const stderrLog: Log = {
  info() {},
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...errorFields(obj) })}\n`),
};

function errorFields(obj: object): object {
  const err = (obj as { err?: unknown }).err;
  return err instanceof Error ? { ...obj, err: { message: err.message, stack: err.stack } } : obj;
}
