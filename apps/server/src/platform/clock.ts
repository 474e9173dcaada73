/** Time source. Production uses the system clock; tests pass a settable one to buildApp. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-01T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The calendar date in Beijing (Asia/Shanghai) as YYYY-MM-DD; kept here for the modules, from the time module. */
export { beijingDate } from '@tongxin/contracts';
