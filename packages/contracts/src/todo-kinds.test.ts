import { describe, expect, it } from 'vitest';
import { TODO_KIND_LABELS, todoKindLabel } from './todo-kinds.js';

describe('to-do kind labels', () => {
  it('names every kind in Chinese, and an unknown kind still reads as 待办 (never a code)', () => {
    for (const [kind, label] of Object.entries(TODO_KIND_LABELS)) {
      expect(kind).toMatch(/^[a-z-]+$/);
      expect(label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(todoKindLabel('something-new')).toBe('待办');
  });
});
