import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// happy-dom answers media queries from the window's width (see `setWidth` in render.tsx); each test starts clean.
afterEach(() => cleanup());
