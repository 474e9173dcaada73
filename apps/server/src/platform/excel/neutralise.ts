/** The characters with which a spreadsheet may read a cell as a formula or a command (DP-08). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/** A decimal number as text (a sign allowed): "-12.5" and "+86" stay as they are. */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * DP-08 formula-injection neutralisation for an exported text cell: a value starting with = + - @ tab, CR or
 * NUL gets a leading apostrophe, unless it is genuinely a number. Every other value is returned unchanged.
 */
export function neutraliseCell(value: string): string {
  if (value === '' || !TRIGGERS.has(value[0]!)) return value;
  return NUMERIC.test(value) ? value : `'${value}`;
}
