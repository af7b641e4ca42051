// A and AAAA data exactly as BIND reads it (inet_pton, as glibc implements it): a dotted quad of four decimal
// octets without leading zeros, and an IPv6 address of hex groups with at most one `::` and an optional dotted-quad
// tail; no prefix length, no zone index, no brackets. Linear scans, no regular-expression backtracking.

/** IPv4 dotted quad as inet_pton(AF_INET) accepts it: four decimal octets, no leading zeros. */
export function isDottedQuad(s: string, from = 0): boolean {
  let parts = 0;
  let i = from;
  const n = s.length;
  while (i <= n) {
    let v = 0;
    let digits = 0;
    const start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      digits++;
      i++;
    }
    if (digits === 0 || digits > 3 || v > 255 || (digits > 1 && s.charCodeAt(start) === 48)) return false;
    parts++;
    if (i === n) return parts === 4;
    if (s.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return false;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** IPv6 text as inet_pton(AF_INET6) accepts it. */
export function isIPv6Text(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 45) return false;
  let groups = 0;
  let doubleColon = false;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    doubleColon = true;
    i = 2;
    if (i === n) return true;
  }
  while (i < n) {
    // A group: 1-4 hex digits, or (last) a dotted quad.
    let j = i;
    while (j < n && j - i < 5 && isHexDigit(s.charCodeAt(j))) j++;
    if (j < n && s.charCodeAt(j) === 46) {
      if (!isDottedQuad(s, i)) return false;
      groups += 2;
      break;
    }
    if (j === i || j - i > 4) return false;
    groups++;
    i = j;
    if (i === n) break;
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    if (s.charCodeAt(i) === 58) {
      if (doubleColon) return false;
      doubleColon = true;
      i++;
      if (i === n) break;
    } else if (i === n) return false;
  }
  return doubleColon ? groups <= 7 : groups === 8;
}

export type Family = 4 | 6;

/** Which family address data looks like it means (undefined: neither). */
export function looksLike(s: string): Family | undefined {
  if (s.includes(':')) return 6;
  if (/^[0-9.]+$/.test(s) && s.includes('.')) return 4;
  return undefined;
}
