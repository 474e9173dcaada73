import type { TodoResponse } from '@tongxin/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { TODO_SOURCES } from './sources.js';
import { inSavepoint } from './todo.repository.js';
import type { TodoContext, TodoItem, TodoSource } from './todo-source.js';

/** Items without a due date sort after dated ones. */
const dueKey = (i: TodoItem) => i.due ?? '9999-12-31';

/** Groups by kind, each sorted by due date; groups ordered by their most urgent item (then first seen). */
export function groupTodos(items: readonly TodoItem[]): TodoResponse['groups'] {
  const groups = new Map<string, TodoItem[]>();
  for (const item of items) {
    const list = groups.get(item.kind) ?? [];
    list.push(item);
    groups.set(item.kind, list);
  }
  const out = [...groups.entries()].map(([kind, list]) => ({
    kind,
    items: [...list].sort((a, b) => dueKey(a).localeCompare(dueKey(b))),
  }));
  return out
    .map((g, i) => ({ g, i }))
    .sort((a, b) => dueKey(a.g.items[0]!).localeCompare(dueKey(b.g.items[0]!)) || a.i - b.i)
    .map(({ g }) => g);
}

/**
 * Runs each source under a savepoint: a source that fails (a bug, a timeout) is rolled back alone and logged,
 * and the others still answer — on PostgreSQL an error would otherwise abort the whole transaction.
 */
export async function collectTodos(
  ctx: TodoContext,
  sources: readonly TodoSource[],
  log: Pick<FastifyBaseLogger, 'error'>,
): Promise<{ items: TodoItem[]; incomplete: boolean }> {
  const items: TodoItem[] = [];
  let incomplete = false;
  for (const source of sources) {
    try {
      items.push(...(await inSavepoint(ctx.trx, () => source(ctx))));
    } catch (err) {
      log.error({ err, source: source.name }, 'to-do source failed');
      incomplete = true;
    }
  }
  return { items, incomplete };
}

/**
 * The user's to-do list, derived from state: every source runs in one read transaction with the caller's
 * access (each reads only its scope). Sources run one after another: SQLite has one connection.
 */
export async function getTodos(ctx: Ctx, sources: readonly TodoSource[] = TODO_SOURCES): Promise<TodoResponse> {
  const today = beijingDate(ctx.clock.now());
  const access = ctx.access;
  const { items, incomplete } = await ctx.db
    .transaction()
    .execute((trx) => collectTodos({ trx, access: access.in(trx), userId: access.user!.id, today }, sources, ctx.log));
  return { today, total: items.length, incomplete, groups: groupTodos(items) };
}
