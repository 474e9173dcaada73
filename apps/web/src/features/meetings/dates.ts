/** YYYY-MM-DD HH:mm in Beijing time. */
export const beijingDateTimeOf = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
