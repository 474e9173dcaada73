import autocannon from 'autocannon';
import { type Measurement, Recorder } from './stats.js';

export interface HttpLoad {
  port: number;
  cookie: string;
  /** Requested in turn on every connection (a tree load is roots, then the district's children). */
  paths: readonly string[];
  connections: number;
  seconds: number;
}

function fire(load: HttpLoad, seconds: number, recorder: Recorder | null): Promise<{ seconds: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${load.port}`,
        connections: load.connections,
        duration: seconds,
        headers: { cookie: load.cookie },
        requests: load.paths.map((path) => ({ method: 'GET' as const, path })),
      },
      (err, result) => {
        if (err) reject(err);
        else resolve({ seconds: result.duration, non2xx: result.non2xx + result.errors + result.timeouts });
      },
    );
    // autocannon's own histograms keep whole milliseconds; record the exact response times instead.
    if (recorder) {
      instance.on('response', (_client, status, _bytes, ms) => {
        if (status >= 200 && status < 300) recorder.record(ms);
        else recorder.errors += 1;
      });
    }
  });
}

/**
 * Warms up (results dropped), then measures for `seconds`: requests/s and exact latency percentiles.
 * `beforeMeasure` runs between the two (to reset a counter the measurement reads afterwards).
 */
export async function measureHttp(
  load: HttpLoad,
  warmupSeconds: number,
  beforeMeasure?: () => Promise<void>,
): Promise<Measurement> {
  if (warmupSeconds > 0) await fire(load, warmupSeconds, null);
  await beforeMeasure?.();
  const recorder = new Recorder();
  const { seconds, non2xx } = await fire(load, load.seconds, recorder);
  const m = recorder.summarise(seconds);
  m.errors = Math.max(non2xx, recorder.errors);
  return m;
}
