export interface BenchArgs {
  /** Orgs in the generated tree. */
  orgs: number;
  /** Seconds each measurement runs. */
  duration: number;
  /** Seconds of warm-up before each HTTP measurement. */
  warmup: number;
  /** Concurrent HTTP connections (autocannon). */
  connections: number;
  /** Members per branch / joint branch. */
  members: number;
  /** Meeting records per org (50 → 5,000,000 at 100,000 orgs) for the compliance grid scenario. */
  meetings: number;
  /** Regenerate even when a data dir for this --orgs exists. */
  fresh: boolean;
  /** Only the org tree and org page scenario (skips the member page and the compliance grid). */
  orgsOnly: boolean;
}

const DEFAULTS: BenchArgs = {
  orgs: 100_000,
  duration: 10,
  warmup: 3,
  connections: 10,
  members: 5,
  meetings: 50,
  fresh: false,
  orgsOnly: false,
};

const USAGE = `用法 / usage: npm run bench -- [--orgs 100000] [--duration 10] [--warmup 3] [--connections 10] [--members 5] [--meetings 50] [--fresh] [--orgs-only]`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === '--fresh' || flag === '--orgs-only') {
      out[flag === '--fresh' ? 'fresh' : 'orgsOnly'] = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const key = flag.replace(/^--/, '') as keyof BenchArgs;
    const raw = argv[i + 1];
    if (!flag.startsWith('--') || !(key in DEFAULTS) || key === 'fresh' || key === 'orgsOnly' || raw === undefined) {
      throw new Error(`无法识别的参数 / unknown argument: ${flag}\n${USAGE}`);
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < (key === 'warmup' || key === 'members' || key === 'meetings' ? 0 : 1)) {
      throw new Error(`${flag} 需要一个正数 / needs a positive number, got "${raw}"`);
    }
    (out[key] as number) = key === 'duration' || key === 'warmup' ? value : Math.floor(value);
    i += 1;
  }
  return out;
}
