/** An org name as a short label: 中共泸州市江阳区互联网行业委员会 → 江阳区, 江阳区电子商务产业园党委 → 江阳区电子商务产业园. */
export function shortOrgName(name: string): string {
  const short = name
    .replace(/^中共/, '')
    .replace(/^泸州市(?=.)/, '')
    .replace(/(互联网行业委员会|互联网行业党委|委员会|党委)$/, '');
  return short || name;
}
