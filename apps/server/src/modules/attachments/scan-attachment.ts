import { spawn } from 'node:child_process';

export type ScanVerdict = { kind: 'clean' } | { kind: 'infected' } | { kind: 'unavailable'; reason: string };

/**
 * IN-06 scan hook: pipes the bytes to the configured command (run by /bin/sh, so an operator can write
 * `clamdscan --no-summary -`) and reads its exit code the way ClamAV's tools report it: 0 clean, 1 infected,
 * anything else (2 = scanner error, a signal, failing to start, the timeout) means the file could not be checked.
 * The command runs in its own process group so a timeout kills the scanner and not only the shell.
 */
export function scanBytes(command: string, bytes: Buffer, timeoutMs: number): Promise<ScanVerdict> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (verdict: ScanVerdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(verdict);
    };
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      done({ kind: 'unavailable', reason: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    child.on('error', (err) => done({ kind: 'unavailable', reason: `could not start: ${err.message}` }));
    child.on('close', (code, signal) => {
      if (code === 0) done({ kind: 'clean' });
      else if (code === 1) done({ kind: 'infected' });
      else done({ kind: 'unavailable', reason: `exit ${code ?? signal}: ${stderr.trim().slice(0, 500)}` });
    });
    // A scanner that exits without reading everything closes the pipe: that is not an error of ours.
    child.stdin.on('error', () => {});
    child.stdin.end(bytes);
  });
}
