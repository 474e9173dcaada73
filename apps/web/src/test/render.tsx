import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';

/** Sets the window's width: antd's breakpoints (Grid.useBreakpoint) follow it through matchMedia. */
export function setWidth(width: number): void {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({
    width,
    height: 800,
  });
}

/** Renders inside the app's providers (antd in Chinese, a fresh query client, a router). */
export function renderWithApp(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return {
    client,
    ...render(
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <QueryClientProvider client={client}>
            <MemoryRouter>{ui}</MemoryRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>,
    ),
  };
}
