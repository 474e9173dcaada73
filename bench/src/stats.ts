/** One measured series: how many operations per second, and their latencies in milliseconds. */
export interface Measurement {
  ops: number;
  seconds: number;
  perSecond: number;
  /** Mean time per operation at this throughput (1000 / perSecond): the cost the server pays for one. */
  msPerOp: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Latency samples in a growable Float64Array (millions of direct-query samples stay cheap). */
export class Recorder {
  private samples = new Float64Array(1 << 16);
  private n = 0;
  errors = 0;

  record(ms: number): void {
    if (this.n === this.samples.length) {
      const bigger = new Float64Array(this.samples.length * 2);
      bigger.set(this.samples);
      this.samples = bigger;
    }
    this.samples[this.n++] = ms;
  }

  get count(): number {
    return this.n;
  }

  summarise(seconds: number, ops = this.n): Measurement {
    const sorted = this.samples.subarray(0, this.n).slice().sort();
    const at = (q: number) => (this.n ? sorted[Math.min(this.n - 1, Math.floor(q * this.n))]! : Number.NaN);
    let sum = 0;
    for (const v of sorted) sum += v;
    const perSecond = ops / seconds;
    return {
      ops,
      seconds,
      perSecond,
      msPerOp: 1000 / perSecond,
      meanMs: sum / Math.max(1, this.n),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      errors: this.errors,
    };
  }
}
