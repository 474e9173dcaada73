import ExcelJS from 'exceljs';

/** A column of an import template. */
export interface TemplateColumn<K extends string> {
  key: K;
  header: string;
  width: number;
  /** Stored as text (@) so Excel keeps every digit and leading zero. */
  text?: boolean;
  /** Shown red: a column the importer cannot do without. */
  required?: boolean;
  note: string;
}

export interface TemplateSpec<K extends string> {
  sheetName: string;
  title: string;
  columns: readonly TemplateColumn<K>[];
  /** Dropdown choices per column (kept on a hidden sheet). */
  lists: Partial<Record<K, readonly string[]>>;
  /** The example row (row 3), marked 示例 in its sequence column so the importer skips it. */
  example: Partial<Record<K, string>>;
  /** The last row that carries the dropdowns. */
  lastRow: number;
}

/**
 * An import template: the columns in order under a title row, the header frozen, widths set, dropdowns for the
 * choice columns (lists on a hidden sheet), text columns as text, an example row marked 示例 (skipped by the
 * importer) and a sheet of notes per column.
 */
export async function templateWorkbook<K extends string>(spec: TemplateSpec<K>): Promise<Buffer> {
  const { columns, lists: LISTS, example: EXAMPLE, lastRow: TEMPLATE_LAST_ROW } = spec;
  const wb = new ExcelJS.Workbook();
  wb.creator = '同心';
  const sheet = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const notes = wb.addWorksheet('填写说明');
  const options = wb.addWorksheet('选项', { state: 'veryHidden' });

  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell('A1');
  title.value = spec.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = c.note;
  });
  header.height = 22;

  const example = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    cell.value = EXAMPLE[c.key] ?? null;
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });

  columns.forEach((c, i) => {
    // exceljs names columns past Z as Excel does (AA, AB …).
    const letter = sheet.getColumn(i + 1).letter;
    // Text (@) so that Excel keeps all 18 digits of an ID number and the leading digits of a phone.
    if (c.text) sheet.getColumn(i + 1).numFmt = '@';
    const list = LISTS[c.key];
    if (!list) return;
    const listCol = options.getColumn(Object.keys(LISTS).indexOf(c.key) + 1).letter;
    list.forEach((v, j) => {
      options.getCell(`${listCol}${j + 1}`).value = v;
    });
    (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}3:${letter}${TEMPLATE_LAST_ROW}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`选项!$${listCol}$1:$${listCol}$${list.length}`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      },
    );
  });

  notes.columns = [
    { header: '列', key: 'header', width: 14 },
    { header: '填写要求', key: 'note', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow({ header: c.header, note: c.note });
  notes.addRow({});
  notes.addRow({ header: '说明', note: '第3行「示例」仅作参考，导入时自动跳过。红色列标题为必填列。' });
  notes.addRow({
    header: '',
    note: '日期可写成 2020-01-02、2020/1/2、2020.1.2、2020年1月2日 或 20200102；只写到月（如 2020.01）记为当月1日。',
  });
  notes.addRow({ header: '', note: '上传后系统先逐行校验，全部无误并经您确认后才会导入；有错误时请按报告修改文件后重新上传。' });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
