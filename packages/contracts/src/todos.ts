import { z } from 'zod';

export * from './todo-kinds.js';

export const todoItem = z.object({
  kind: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  href: z.string(),
  due: z.string().optional(),
  orgId: z.string().optional(),
});
export type TodoItemView = z.infer<typeof todoItem>;

/** The to-do list, grouped by kind (groups in the order of their earliest due date), each group sorted by due. */
export const todoResponse = z.object({
  today: z.string(),
  total: z.number().int(),
  /** A source failed (logged on the server): the list may be missing items, so it must not say all is done. */
  incomplete: z.boolean(),
  groups: z.array(z.object({ kind: z.string(), items: z.array(todoItem) })),
});
export type TodoResponse = z.infer<typeof todoResponse>;
