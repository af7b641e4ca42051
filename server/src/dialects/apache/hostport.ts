// `host:port` as httpd reads it in Listen, <VirtualHost>, NameVirtualHost and URLs (apr_parse_addr_port,
// apr_uri_parse): brackets delimit an IPv6 literal; without them the digits after the LAST colon are the port,
// so `::1` is host `:` port 1 and `2001:db8::1:80` is [2001:db8::1]:80 (research/real-daemons.md §2b).
import { parseAddress } from '../../addresses';
import { detachedString } from '../../core/text';

export type HostKind = 'ipv4' | 'ipv6' | 'wildcard' | 'default' | 'name' | 'invalid' | 'none';

export interface HostPort {
  text: string;
  /** The host as httpd reads it, brackets removed ('' when there is none). */
  host: string;
  /** The port text as httpd reads it (digits or `*`), undefined when absent. */
  port?: string;
  kind: HostKind;
  bracketed: boolean;
  /**
   * An IPv6 literal written without brackets. `apacheReading` is httpd's reading when it is a valid address
   * and port, `whole` the address when the whole text is one.
   */
  unbracketed?: { apacheReading?: { host: string; port: string }; whole?: string };
}

const isV6 = (s: string): boolean => {
  const r = parseAddress(s);
  return !!r && r.ok && r.value.family === 6 && r.value.prefix === undefined;
};
const isV4 = (s: string): boolean => {
  const r = parseAddress(s);
  return !!r && r.ok && r.value.family === 4 && r.value.prefix === undefined && s.split('.').length === 4;
};

function kindOf(host: string): HostKind {
  if (host === '') return 'none';
  if (host === '*') return 'wildcard';
  if (host.toLowerCase() === '_default_') return 'default';
  if (isV4(host)) return 'ipv4';
  if (isV6(host)) return 'ipv6';
  if (/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(host) && !/^\d+(\.\d+)*$/.test(host)) return 'name';
  return 'invalid';
}

/**
 * Parse `host[:port]`, `[v6][:port]` or a bare port, as httpd does.
 * Every <VirtualHost> and Listen of a config names one of a few addresses (5,000 virtual hosts on
 * `127.0.0.1:8080`), and several rules read each: readings are remembered by text and shared (read-only).
 */
export function parseHostPort(text: string): HostPort {
  let hp = hostPorts.get(text);
  if (hp === undefined) {
    // Key (and the reading's strings) from a copy: a slice of the document would keep the whole text alive.
    const key = detachedString(text);
    hp = readHostPort(key);
    if (hostPorts.size >= HOST_PORT_LIMIT) hostPorts.clear();
    hostPorts.set(key, hp);
  }
  return hp;
}

const HOST_PORT_LIMIT = 10_000;
const hostPorts = new Map<string, HostPort>();

function readHostPort(text: string): HostPort {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return { text, host: text, kind: 'invalid', bracketed: true };
    const host = text.slice(1, close);
    const rest = text.slice(close + 1);
    const port = rest.startsWith(':') ? rest.slice(1) : undefined;
    const v6 = isV6(host.split('%')[0]) || isV6(host);
    return { text, host, port, kind: v6 ? 'ipv6' : 'invalid', bracketed: true };
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons === 0) {
    if (/^\d+$/.test(text)) return { text, host: '', port: text, kind: 'none', bracketed: false };
    return { text, host: text, kind: kindOf(text), bracketed: false };
  }
  const last = text.lastIndexOf(':');
  const host = text.slice(0, last);
  const port = text.slice(last + 1);
  const hp: HostPort = { text, host, port, kind: kindOf(host), bracketed: false };
  if (colons >= 2) {
    const readingOk = (/^\d+$/.test(port) || port === '*') && isV6(host);
    const whole = isV6(text.split('%')[0]) ? text : undefined;
    if (readingOk || whole) {
      hp.unbracketed = { apacheReading: readingOk ? { host, port } : undefined, whole };
      if (!readingOk) hp.kind = 'invalid';
    }
  }
  return hp;
}

/** Family of a host that is an address literal (4 or 6), else undefined. */
export function literalFamily(host: string): 4 | 6 | undefined {
  if (isV4(host)) return 4;
  if (isV6(host.split('%')[0])) return 6;
  return undefined;
}

export function isLoopback(host: string): boolean {
  if (isV4(host)) return host.startsWith('127.');
  const r = parseAddress(host);
  return !!r && r.ok && r.value.family === 6 && r.value.canonical === '::1';
}

export function isUnspecified(host: string): boolean {
  if (host === '0.0.0.0') return true;
  const r = parseAddress(host);
  return !!r && r.ok && r.value.family === 6 && r.value.canonical === '::';
}

/** The `[v6]:port` form. */
export function bracket(host: string, port?: string): string {
  return `[${host}]${port !== undefined ? `:${port}` : ''}`;
}

export interface UrlHost {
  /** Offsets of the host[:port] part within the URL text. */
  start: number;
  end: number;
  hostport: HostPort;
}

/** The authority of a `scheme://host[:port]/...` URL inside an argument, if any. */
export function urlHost(text: string): UrlHost | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)(?:[^@/?#\s]*@)?([^/?#\s]*)/.exec(text);
  if (!m || !m[2]) return undefined;
  const start = m[0].length - m[2].length;
  return { start, end: start + m[2].length, hostport: parseHostPort(m[2]) };
}
