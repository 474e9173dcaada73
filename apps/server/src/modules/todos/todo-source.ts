import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';

/**
 * One entry of a user's to-do list (待办). To-dos are derived from the system's state on each request,
 * never stored or ticked off by hand: an item disappears when the work it points at is done.
 */
export interface TodoItem {
  /** Stable kind, e.g. 'meeting-due', 'dues-arrears'; the web app groups and labels by it. */
  kind: string;
  title: string;
  detail?: string;
  /** Where in the web app the work is done, e.g. `/transfers?view=overdue`. */
  href: string;
  /** Beijing date (YYYY-MM-DD) by which it should be done, when there is one. */
  due?: string;
  orgId?: string;
}

export interface TodoContext {
  trx: Trx;
  /** Already bound to trx; every source reads through its scope. */
  access: Access;
  userId: string;
  /** Today in Beijing, YYYY-MM-DD. */
  today: string;
}

/** A source must be cheap (one or two indexed queries) and bounded (e.g. at most 50 items). */
export type TodoSource = (ctx: TodoContext) => Promise<TodoItem[]>;
