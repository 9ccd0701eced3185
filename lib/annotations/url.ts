/** Query parameters that say where a click came from, not which page it is. */
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'hsa_', 'mtm_', 'itm_'];
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'ttclid',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'cmpid',
  'ncid',
  'ocid',
  '_ga',
  '_gl',
  'at_medium',
  'at_campaign',
  'smid',
  'sr_share',
]);

/** The URL highlights are stored under: no fragment, no tracking parameters, the rest as it was. */
export function canonicalUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    const lower = name.toLowerCase();
    if (TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p))) url.searchParams.delete(name);
  }
  return url.toString();
}

/** The host of a canonical URL, for grouping and filtering by site. */
export function siteOf(source: string): string {
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return source;
  }
}
