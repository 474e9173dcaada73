import { fireEvent, screen, within } from '@testing-library/react';
import { Button } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, setWidth } from '../test/render';
import { ResponsiveList } from './ResponsiveList';

interface Row {
  id: string;
  name: string;
  org: string;
}

const rows: Row[] = [
  { id: '1', name: '张三', org: '甲一科技有限公司党支部' },
  { id: '2', name: '李四', org: '甲二网络有限公司党支部' },
];

function List(props: { items?: Row[]; onAct?: (r: Row) => void; page?: (p: number) => void }) {
  return (
    <ResponsiveList<Row>
      items={props.items ?? rows}
      rowKey="id"
      columns={[
        { title: '姓名', dataIndex: 'name' },
        { title: '所在组织', dataIndex: 'org' },
      ]}
      card={(r) => ({ title: r.name, body: r.org, testId: 'row-card' })}
      empty="没有符合条件的党员"
      actions={(r) => <Button onClick={() => props.onAct?.(r)}>{`编辑${r.name}`}</Button>}
      pagination={{ current: 1, pageSize: 2, total: 5, onChange: (p) => props.page?.(p) }}
      testId="rows"
      cardsTestId="row-cards"
    />
  );
}

afterEach(() => setWidth(1024));

describe('ResponsiveList', () => {
  it('is a table with an actions column on a laptop', () => {
    setWidth(1440);
    renderWithApp(<List />);
    const table = screen.getByTestId('rows');
    expect(within(table).getByRole('columnheader', { name: '姓名' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '操作' })).toBeTruthy();
    expect(within(table).getByText('甲一科技有限公司党支部')).toBeTruthy();
    expect(screen.queryByTestId('row-cards')).toBeNull();
  });

  it('is cards on a phone (375 px), with the same row actions', () => {
    setWidth(375);
    const onAct = vi.fn();
    renderWithApp(<List onAct={onAct} />);
    const cards = screen.getByTestId('row-cards');
    expect(within(cards).getAllByTestId('row-card')).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(within(cards).getByRole('button', { name: '编辑李四' }));
    expect(onAct).toHaveBeenCalledWith(rows[1]);
  });

  it('says so when the list is empty, on both layouts', () => {
    setWidth(1440);
    const { unmount } = renderWithApp(<List items={[]} />);
    expect(within(screen.getByTestId('rows')).getByText('没有符合条件的党员')).toBeTruthy();
    unmount();
    setWidth(375);
    renderWithApp(<List items={[]} />);
    expect(within(screen.getByTestId('row-cards')).getByText('没有符合条件的党员')).toBeTruthy();
  });

  it('pages on both layouts (the full pager on a laptop, the simple one on a phone)', () => {
    setWidth(1440);
    const page = vi.fn();
    const { unmount } = renderWithApp(<List page={page} />);
    fireEvent.click(screen.getByTitle('3'));
    expect(page).toHaveBeenLastCalledWith(3);
    unmount();
    setWidth(375);
    renderWithApp(<List page={page} />);
    const cards = screen.getByTestId('row-cards');
    expect(within(cards).getByText('/')).toBeTruthy();
    fireEvent.click(within(cards).getByTitle('下一页'));
    expect(page).toHaveBeenLastCalledWith(2);
  });
});
