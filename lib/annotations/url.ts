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

/**
 * The URL highlights are stored under: no fragment, no tracking parameters, the rest as it
 * was (same order, same encoding). The query is split by hand: in a Firefox content script
 * the iterators of `URLSearchParams` cannot be iterated across the page's wrappers.
 */
export function canonicalUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(pair.split('=')[0]));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.toString();
}

function isTracking(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false;
  }
  return TRACKING_NAMES.has(name) || TRACKING_PREFIXES.some((p) => name.startsWith(p));
}

/** The host of a canonical URL, for grouping and filtering by site. */
export function siteOf(source: string): string {
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return source;
  }
}
