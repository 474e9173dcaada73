import { Table, type TableColumnsType } from 'antd';
import type { ImportIssue } from './api';
import { useImportKind } from './kind';

/** The report, one line per problem, filterable by column; on a phone the name folds into the row cell. */
export function IssueTable({ issues, mobile }: { issues: ImportIssue[]; mobile: boolean }) {
  const { m } = useImportKind();
  const columnsInReport = [...new Set(issues.map((i) => i.column))];
  const columns: TableColumnsType<ImportIssue> = [
    {
      title: m.row,
      dataIndex: 'row',
      width: mobile ? 76 : 80,
      sorter: (a, b) => a.row - b.row,
      render: (row: number, issue) =>
        mobile && issue.name ? (
          <>
            {row}
            <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{issue.name}</div>
          </>
        ) : (
          row
        ),
    },
    ...(mobile ? [] : [{ title: m.name, dataIndex: 'name', width: 110, render: (v: string | null) => v ?? '—' }]),
    {
      title: m.column,
      dataIndex: 'column',
      width: mobile ? 88 : 130,
      filters: columnsInReport.map((c) => ({ text: c, value: c })),
      onFilter: (value, issue) => issue.column === value,
      filterSearch: columnsInReport.length > 6,
    },
    { title: m.problem, dataIndex: 'message' },
  ];
  return (
    <Table<ImportIssue>
      size="small"
      rowKey={(i) => `${i.row}-${i.column}-${i.message}`}
      columns={columns}
      dataSource={issues}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      data-testid="import-report"
    />
  );
}
