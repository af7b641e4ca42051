#!/usr/bin/env python3
"""Regenerates ../grammar.ts: the named.conf grammar of BIND 9.18, 9.20 and the development branch, as data in
the catalogue's shape language (../shapes.ts).

It reads BIND's own lib/isccfg/namedconf.c and parser.c at three git refs (the clause tables, tuple fields,
keyword types, enums and address flags), keeps the feature-enabled branch of each #if (recording the build
feature), converts every cfg_type into a shape (custom parse functions are translated one by one below, from
reading their C), names and dedupes the shapes across versions, and writes grammar.ts. Nothing of BIND's code is
copied: only names and facts (clause names, flags, enum words) end up in the output.

Usage (a bare clone of https://github.com/isc-projects/bind9 is enough; the refs below are the ones in grammar.ts):
  python3 gen_grammar.py --git-dir /path/to/bind9.git --out ../grammar.ts \
      --ref 9.18=v9.18.49 --ref 9.20=v9.20.27 --ref main=main
A new release means new refs; a new custom parse function in namedconf.c makes Conv.shape() raise, on purpose.
Check the result with test/unit/bind-catalogue.test.ts and test/corpus/bind-syntax.test.ts.
"""
import argparse, json, re, subprocess, sys

FEATURES = {
  'HAVE_LIBNGHTTP2': 'doh', 'HAVE_GEOIP2': 'geoip', 'HAVE_DNSTAP': 'dnstap', 'HAVE_LMDB': 'lmdb',
  'USE_DNSRPS': 'dnsrps', 'HAVE_SSL_CTX_SET_CIPHERSUITES': 'tls-ciphersuites',
}
def feature_of(cond):
    if 'HAVE_LIBXML2' in cond or 'HAVE_JSON_C' in cond: return 'stats'
    for k, v in FEATURES.items():
        if k in cond: return v
    raise Exception('unknown cond ' + cond)

def preprocess(text):
    """Keep the 'feature enabled' branch; tag each kept line with the active feature (or None)."""
    out = []
    stack = []  # (feature, in_else)
    for line in text.split('\n'):
        s = line.strip()
        if s.startswith('#if'):
            stack.append([feature_of(s), False]); out.append(''); continue
        if s.startswith('#else'):
            stack[-1][1] = True; out.append(''); continue
        if s.startswith('#endif'):
            stack.pop(); out.append(''); continue
        if any(e for _, e in stack):
            out.append(''); continue
        feats = [f for f, _ in stack]
        out.append((('@F:' + ','.join(feats) + '@ ') if feats else '') + line)
    return '\n'.join(out)

def strip_comments(t):
    t = re.sub(r'/\*.*?\*/', ' ', t, flags=re.S)
    t = re.sub(r'//[^\n]*', ' ', t)
    return t


def match_brace(t, i):
    """t[i] == '{'; return index of the matching '}'."""
    depth = 0
    j = i
    while j < len(t):
        c = t[j]
        if c == '"':
            j += 1
            while t[j] != '"':
                if t[j] == '\\': j += 1
                j += 1
        elif c == '{': depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0: return j
        j += 1
    raise Exception('unbalanced')

def array_entries(t, decl_re):
    """For arrays declared as `<decl_re> = { {..}, {..} }`, yield (name, [(feature, entry_text)])."""
    for m in re.finditer(decl_re + r'\s*=\s*\{', t):
        open_i = m.end() - 1
        close_i = match_brace(t, open_i)
        body = t[open_i + 1:close_i]
        entries = []
        k = 0
        pending = ''
        while k < len(body):
            if body[k] == '{':
                e = match_brace(body, k)
                text = body[k + 1:e]
                feats = re.findall(r'@F:([\w,]+)@', pending + text)
                entries.append((feats[0] if feats else None, re.sub(r'@F:[\w,]+@', ' ', text)))
                pending = ''
                k = e + 1
            else:
                pending += body[k]
                k += 1
        yield m.group(1), entries, re.sub(r'@F:[\w,]+@', ' ', body)

def split_top(s):
    return [p.strip() for p in s.split(',')]

def flaglist(s):
    return [f.strip() for f in s.split('|') if f.strip() and f.strip() != '0']

def parse_text(raw):
    t = strip_comments(preprocess(raw))
    facts = {'clausedefs': {}, 'clausesets': {}, 'tuples': {}, 'types': {}, 'keywords': {}, 'enums': {}, 'flags': {}, 'enum_or_other': {}, 'funcs': {}}
    for name, entries, _ in array_entries(t, r'cfg_clausedef_t\s+(\w+)\[\]'):
        out = []
        for feat, text in entries:
            parts = split_top(text)
            if parts[0] == 'NULL': continue
            out.append({'name': parts[0].strip('"'), 'type': None if parts[1] == 'NULL' else parts[1].lstrip('&'), 'flags': flaglist(parts[2]), 'feature': feat})
        facts['clausedefs'][name] = out
    for m in re.finditer(r'cfg_clausedef_t\s+\*(\w+)\[\]\s*=\s*\{([^{}]*?)\};', t, re.S):
        facts['clausesets'][m.group(1)] = [x.strip() for x in re.sub(r'@F:[\w,]+@', ' ', m.group(2)).split(',') if x.strip() and x.strip() != 'NULL']
    for name, entries, _ in array_entries(t, r'cfg_tuplefielddef_t\s+(\w+)\[\]'):
        out = []
        for feat, text in entries:
            parts = split_top(text)
            if parts[0] == 'NULL': continue
            out.append({'name': parts[0].strip('"'), 'type': parts[1].lstrip('&'), 'flags': flaglist(parts[2]), 'feature': feat})
        facts['tuples'][name] = out
    tt = re.sub(r'@F:[\w,]+@', ' ', t)
    for m in re.finditer(r'cfg_type_t\s+(\w+)\s*=\s*\{(.*?)\};', tt, re.S):
        parts = [p.strip() for p in m.group(2).split(',')]
        parts = [p for p in parts if p != '']
        if len(parts) < 6: parts += ['NULL'] * (6 - len(parts))
        facts['types'][m.group(1)] = {'doc': parts[0].strip('"'), 'parse': parts[1], 'rep': parts[4].lstrip('&'), 'of': parts[5].lstrip('&')}
    for m in re.finditer(r'keyword_type_t\s+(\w+)\s*=\s*\{\s*"([^"]+)"\s*,\s*&(\w+)\s*\}', tt):
        facts['keywords'][m.group(1)] = {'kw': m.group(2), 'type': m.group(3)}
    for m in re.finditer(r'const char \*(?:const )?(\w+)\[\]\s*=\s*\{(.*?)\};', tt, re.S):
        facts['enums'][m.group(1)] = re.findall(r'"([^"]*)"', m.group(2))
    for m in re.finditer(r'unsigned int (\w+)\s*=\s*([^;]*);', tt):
        facts['flags'][m.group(1)] = [f.strip() for f in m.group(2).split('|')]
    for m in re.finditer(r'\n(\w+)\(cfg_parser_t \*pctx,[^)]*\)\s*\{(.*?)\n\}', tt, re.S):
        facts['funcs'][m.group(1)] = m.group(2)
        e = re.search(r'cfg_parse_enum_or_other\(pctx,\s*type,\s*&(\w+),\s*ret\)', m.group(2))
        if e: facts['enum_or_other'][m.group(1)] = e.group(1)
    return facts, t


def A(a): return {'k': 'atom', 'a': a}
def E(vals, other=None):
    s = {'k': 'enum', 'v': list(vals)}
    if other is not None: s['or'] = other
    return s
def KW(kw, v, note=None):
    s = {'k': 'kw', 'kw': kw, 'v': v}
    if note: s['note'] = note
    return s
def OPT(v): return {'k': 'opt', 'v': v}
def SEQ(*v):
    flat = []
    for x in v:
        if x is None: continue
        if x.get('k') == 'seq': flat += x['v']
        else: flat.append(x)
    v = flat
    return v[0] if len(v) == 1 else {'k': 'seq', 'v': list(v)}
def ANY(*v): return {'k': 'any', 'v': list(v)}
def ALT(*v): return {'k': 'alt', 'v': list(v)}
def LIST(ctx, of): return {'k': 'list', 'ctx': ctx, 'of': of}
def SPACED(of): return {'k': 'spaced', 'of': of}
def MAP(ctx): return {'k': 'map', 'ctx': ctx}
def ADDR(**kw): return dict({'k': 'addr'}, **kw)

# map clausesets -> our context names
MAP_CONTEXTS = {
  'namedconf_clausesets': 'top', 'options_clausesets': 'options', 'view_clausesets': 'view', 'zone_clausesets': 'zone',
  'template_clausesets': 'template', 'dnssecpolicy_clausesets': 'dnssec-policy', 'dlz_clausesets': 'dlz',
  'key_clausesets': 'key', 'keystore_clausesets': 'key-store', 'server_clausesets': 'server', 'channel_clausesets': 'channel',
  'logging_clausesets': 'logging', 'controls_clausesets': 'controls', 'statservers_clausesets': 'statistics-channels',
  'rrl_clausesets': 'rate-limit', 'dns64_clausesets': 'dns64', 'tls_clausesets': 'tls', 'http_description_clausesets': 'http',
  'notify_clausesets': 'notify-cfg',
}
# bracketed lists -> our list context names (what the block's statements are)
LIST_CONTEXTS = {
  'cfg_type_bracketed_aml': 'aml', 'cfg_type_bracketed_namesockaddrkeylist': 'remote-servers',
  'cfg_type_bracketed_dscpsockaddrlist': 'addresses', 'cfg_type_bracketed_sockaddrtlslist': 'addresses',
  'cfg_type_bracketed_sockaddrnameportlist': 'dual-stack-servers', 'cfg_type_bracketed_netaddrlist': 'server-addresses',
  'cfg_type_namelist': 'names', 'cfg_type_keylist': 'keys', 'cfg_type_destinationlist': 'log-destinations',
  'cfg_type_rrsetorder': 'rrset-order', 'cfg_type_dnsseckeys': 'trust-anchors', 'cfg_type_builtin_dnsseckeys': 'trust-anchors',
  'cfg_type_trustedkeys': 'trusted-keys', 'cfg_type_kaspkeys': 'dnssec-policy-keys', 'cfg_type_rpz_list': 'response-policy-zones',
  'cfg_type_catz_list': 'catalog-zones', 'cfg_type_dnstap': 'dnstap', 'cfg_type_bracketed_portlist': 'ports',
  'cfg_type_algorithmlist': 'algorithms', 'cfg_type_dsdigestlist': 'digests', 'cfg_type_tlsprotos': 'tls-protocols',
  'cfg_type_bracketed_http_endpoint_list': 'endpoints', 'cfg_type_updatepolicy': 'update-policy',
}
FLAGNAMES = {'CFG_CLAUSEFLAG_OBSOLETE': 'obsolete', 'CFG_CLAUSEFLAG_DEPRECATED': 'deprecated', 'CFG_CLAUSEFLAG_ANCIENT': 'ancient',
  'CFG_CLAUSEFLAG_EXPERIMENTAL': 'experimental', 'CFG_CLAUSEFLAG_TESTONLY': 'test-only', 'CFG_CLAUSEFLAG_NODOC': 'nodoc',
  'CFG_CLAUSEFLAG_NOTCONFIGURED': 'not-configured', 'CFG_CLAUSEFLAG_OPTIONAL': 'optional', 'CFG_CLAUSEFLAG_BUILTINONLY': 'builtin-only'}

def field_note(f):
    note = [FLAGNAMES[x] for x in f.get('flags', []) if x in FLAGNAMES]
    if f.get('feature'): note.append('build=' + f['feature'])
    return ' '.join(note) or None

class Conv:
    def __init__(self, version, facts):
        self.v = version; self.f = facts[version]
    def addr_flags(self, flagsname, extra=None):
        fl = self.f['flags'][flagsname]
        s = ADDR()
        if 'CFG_ADDR_V4OK' in fl: s['v4'] = True
        if 'CFG_ADDR_V6OK' in fl: s['v6'] = True
        if 'CFG_ADDR_WILDOK' in fl: s['wild'] = True
        if extra == 'sockaddr':
            # Without PORTOK a port is accepted with a warning up to 9.20, and refused on main.
            s['port'] = 'ok' if 'CFG_ADDR_PORTOK' in fl else ('deprecated' if self.v != 'main' else None)
            if s['port'] is None: del s['port']
            if 'CFG_ADDR_DSCPOK' in fl: s['dscp'] = True
            if 'CFG_ADDR_TLSOK' in fl: s['tls'] = True
        return s
    def tuple_fields(self, of):
        return self.f['tuples'][of]
    def shape(self, tn):
        f = self.f
        t = f['types'].get(tn)
        if t is None: raise Exception(f'{self.v}: unknown type {tn}')
        p, of = t['parse'], t['of']
        if tn in LIST_CONTEXTS and p in ('cfg_parse_bracketed_list',):
            return LIST(LIST_CONTEXTS[tn], self.shape(of))
        if p == 'cfg_parse_bracketed_list': raise Exception(f'no list context for {tn}')
        if p == 'cfg_parse_tuple':
            items = []
            for fl in self.tuple_fields(of):
                if f['types'][fl['type']]['parse'] == 'cfg_parse_void': continue
                s = self.shape(fl['type'])
                n = field_note(fl)
                if n:
                    # attach the field's status to its keyword
                    inner = s['v'] if s['k'] == 'opt' else s
                    if inner['k'] == 'kw': inner['note'] = n
                    else: s = {'k': 'note', 'note': n, 'v': s}
                items.append(s)
            return SEQ(*items)
        if p == 'cfg_parse_kv_tuple':
            fields = self.tuple_fields(of)
            head = self.shape(fields[0]['type'])
            rest = [KW(fl['name'], self.shape(fl['type']), field_note(fl)) for fl in fields[1:]]
            return SEQ(head, ANY(*rest)) if rest else head
        if p == 'cfg_parse_spacelist': return SPACED(self.shape(of))
        if p == 'cfg_parse_enum': return E(f['enums'][of])
        if p == 'parse_optional_enum': return OPT(E(f['enums'][of]))
        if p == 'parse_keyvalue': return KW(f['keywords'][of]['kw'], self.shape(f['keywords'][of]['type']))
        if p == 'parse_optional_keyvalue': return OPT(KW(f['keywords'][of]['kw'], self.shape(f['keywords'][of]['type'])))
        if p == 'cfg_parse_map': return MAP(MAP_CONTEXTS[of])
        if p == 'cfg_parse_named_map': return SEQ(A('astring'), MAP(MAP_CONTEXTS[of]))
        if p == 'cfg_parse_netprefix_map': return SEQ(A('netprefix'), MAP(MAP_CONTEXTS[of]))
        if p == 'cfg_parse_sockaddr' or p == 'cfg_parse_sockaddrtls': return self.addr_flags(of, 'sockaddr')
        if p == 'parse_netaddr': return self.addr_flags(of)
        if p in f['enum_or_other']:
            other = f['enum_or_other'][p]
            return E(f['enums'][of], self.shape(other))
        atoms = {'cfg_parse_astring': 'astring', 'parse_ustring': 'string', 'cfg_parse_qstring': 'qstring', 'cfg_parse_sstring': 'sstring',
                 'cfg_parse_uint32': 'uint32', 'cfg_parse_boolean': 'boolean', 'cfg_parse_duration': 'duration', 'cfg_parse_fixedpoint': 'fixedpoint',
                 'cfg_parse_percentage': 'percentage', 'parse_btext': 'text', 'cfg_parse_netprefix': 'netprefix', 'parse_sizeval': 'size'}
        if p in atoms: return A(atoms[p])
        if p == 'cfg_parse_void': return {'k': 'void'}
        if p == 'cfg_parse_duration_or_unlimited': return E(['unlimited'], A('duration'))
        if p == 'parse_optional_btext': return OPT(A('text'))
        if p == 'parse_sizeval_percent': return ALT(A('size'), A('percentage'))
        # custom parsers, read one by one in namedconf.c / parser.c
        if p == 'parse_addrmatchelt':
            geoip = SEQ(OPT(KW('db', A('astring'))), E(f['enums']['geoiptype_enums']), A('astring'))
            elt = ALT(A('netprefix'), KW('key', A('astring')), KW('geoip', geoip, 'build=geoip'), A('astring'), LIST('aml', {'k': 'ref', 'ref': 'aml-element'}))
            return {'k': 'aml-element', 'v': SEQ(OPT(A('bang')), elt)}
        if p == 'parse_boolorauto': return E(['auto'], A('boolean'))
        if p == 'parse_qstringornone': return E(['none'], A('qstring'))
        if p == 'parse_serverid': return E(['none', 'hostname'], A('qstring'))
        if p == 'parse_portrange': return ALT(A('port'), KW('range', SEQ(A('port'), A('port'))))
        if p == 'parse_querysource':
            fl = f['flags'][of]
            fam = {'v4': True} if 'CFG_ADDR_V4OK' in fl else {'v6': True}
            bare = ADDR(**fam, wild=True)
            port = KW('port', ALT(A('port'), E(['*'])), 'deprecated')
            if self.v == '9.18':
                # A first word that is not `address`, `port` or `dscp` hands the whole value to cfg_parse_sockaddr
                # (an address, then `port`/`dscp` once each); else the keywords come in any order, each once,
                # with an address or a port among them ("expected one address and/or port").
                address, dscp = KW('address', bare), KW('dscp', A('uint32'), 'obsolete')
                keywords = ALT(SEQ(address, ANY(port, dscp)), SEQ(port, ANY(address, dscp)), SEQ(dscp, {'k': 'some', 'v': [address, port]}))
                return ALT(self.addr_flags(of, 'sockaddr'), keywords)
            address, none = KW('address', ALT(bare, E(['none']))), E(['none'])
            if self.v == 'main':
                # `[ address ] ( none | <address> )`: cfg_parse_sockaddr_generic refuses a port ("no longer exists").
                return ALT(bare, address, none)
            # 9.20: a bare address only as the first word (it counts as the address: `address` after it is a
            # second one); then `port`, `address`, `none` in any order, each once.
            return ALT(SEQ(bare, ANY(port, none)), {'k': 'some', 'v': [address, port, none]})
        if p == 'parse_logfile':
            fields = self.tuple_fields(of)
            return SEQ(self.shape(fields[0]['type']), ANY(*[KW(fl['name'], self.shape(fl['type'])) for fl in fields[1:]]))
        if p == 'parse_dtout':
            fields = self.tuple_fields(of)
            return SEQ(self.shape(fields[0]['type']), self.shape(fields[1]['type']), ANY(*[KW(fl['name'], self.shape(fl['type'])) for fl in fields[2:]]))
        if p == 'parse_logseverity': return ALT(KW('debug', OPT(A('uint32'))), E(f['enums']['loglevel_enums']))
        if p == 'parse_optional_facility': return OPT(A('astring'))
        if p == 'parse_optional_class': return OPT(A('string'))
        if p == 'parse_optional_uint32': return OPT(A('uint32'))
        if p == 'parse_server_key_kludge': return ALT(A('astring'), LIST('server-key', A('astring')))
        if p == 'parse_sockaddrnameport':
            nameport = self.shape('cfg_type_nameport')
            return ALT(self.addr_flags('sockaddr_flags', 'sockaddr'), nameport)
        if p == 'parse_remoteselement': return ALT(self.addr_flags('sockaddr_flags', 'sockaddr'), A('astring'))
        if p == 'parse_matchtype': return E(f['enums'][of])
        if p == 'parse_matchname': return OPT(A('astring'))
        if p == 'parse_updatepolicy': return ALT(E(['local']), LIST('update-policy', self.shape(of)))
        if p == 'cfg_parse_rpz_policy':
            pol = [x for x in f['enums']['rpz_policies'] if x != 'cname']
            return ALT(KW('cname', A('astring')), E(pol))
        if p == 'parse_keystore': return OPT(ALT(E(['key-directory']), KW('key-store', A('astring'))))
        if p == 'parse_optionaltagrange': return OPT(KW('tag-range', SEQ(A('uint32'), A('uint32'))))
        raise Exception(f'{self.v}: no conversion for {tn} ({p})')

def load(git_dir, ref):
    def show(path):
        return subprocess.run(['git', '--git-dir=' + git_dir, 'show', f'{ref}:{path}'], check=True, capture_output=True, text=True, errors='replace').stdout
    a, _ = parse_text(show('lib/isccfg/namedconf.c'))
    b, _ = parse_text(show('lib/isccfg/parser.c'))
    for k in a:
        merged = dict(b[k]); merged.update(a[k]); a[k] = merged
    return a

ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
ap.add_argument('--git-dir', required=True)
ap.add_argument('--out', required=True)
ap.add_argument('--ref', action='append', default=[], help='VERSION=REF, for 9.18, 9.20 and main')
args = ap.parse_args()
REFS = {'9.18': 'v9.18.49', '9.20': 'v9.20.27', 'main': 'main'}
for r in args.ref:
    k, v = r.split('=', 1)
    REFS[k] = v
F = {v: load(args.git_dir, ref) for v, ref in REFS.items()}
MAIN_DESC = subprocess.run(['git', '--git-dir=' + args.git_dir, 'rev-parse', '--short=12', REFS['main']], check=True, capture_output=True, text=True).stdout.strip()
meson = subprocess.run(['git', '--git-dir=' + args.git_dir, 'show', REFS['main'] + ':meson.build'], capture_output=True, text=True).stdout
m = re.search(r"version: '([^']+)'", meson)
if m: MAIN_DESC += ', ' + m.group(1)

VERSIONS = ['9.18', '9.20', 'main']
GROUP_NAMES = {
  'namedconf_clauses': 'top', 'namedconf_or_view_clauses': 'top-or-view', 'options_clauses': 'options-only',
  'view_clauses': 'view-or-options', 'view_only_clauses': 'view-only', 'zone_clauses': 'zone-or-defaults',
  'zone_only_clauses': 'zone-only', 'non_template_clauses': 'zone-not-template', 'dnssecpolicy_clauses': 'dnssec-policy',
  'dlz_clauses': 'dlz', 'key_clauses': 'key', 'keystore_clauses': 'key-store', 'server_clauses': 'server',
  'channel_clauses': 'channel', 'logging_clauses': 'logging', 'controls_clauses': 'controls', 'statservers_clauses': 'statistics-channels',
  'rrl_clauses': 'rate-limit', 'dns64_clauses': 'dns64', 'tls_clauses': 'tls', 'cfg_http_description_clauses': 'http',
  'notify_clauses': 'notify-cfg',
}
ZT = {'CFG_ZONE_PRIMARY': 'primary', 'CFG_ZONE_SECONDARY': 'secondary', 'CFG_ZONE_MIRROR': 'mirror', 'CFG_ZONE_STUB': 'stub',
      'CFG_ZONE_STATICSTUB': 'static-stub', 'CFG_ZONE_HINT': 'hint', 'CFG_ZONE_FORWARD': 'forward', 'CFG_ZONE_REDIRECT': 'redirect',
      'CFG_ZONE_DELEGATION': 'delegation-only', 'CFG_ZONE_INVIEW': 'in-view'}
ZT_ORDER = list(ZT.values())
# Names for the shapes of clause values (by BIND type); purpose names where the BIND name says little.
RENAME = {'bracketed_aml': 'aml', 'qstringornone': 'qstring-or-none', 'boolorauto': 'boolean-or-auto', 'sockaddr4wild': 'ipv4-source',
  'sockaddr6wild': 'ipv6-source', 'querysource4': 'query-source', 'querysource6': 'query-source-v6', 'server_querysource4': 'server-query-source',
  'server_querysource6': 'server-query-source-v6', 'namesockaddrkeylist': 'remote-servers-list', 'portiplist': 'forwarders',
  'remoteservers': 'remote-servers-statement', 'serverlist': 'remote-servers-statement', 'nameportiplist': 'dual-stack-servers',
  'listenon': 'listen-on', 'netaddr6': 'ipv6', 'netaddr4': 'ipv4', 'netaddr': 'ipaddr', 'namelist': 'names', 'bracketed_portlist': 'ports',
  'dnsseckeys': 'trust-anchors', 'trustedkeys': 'trusted-keys', 'transport_acl': 'transport-aml', 'optional_exclude': 'exclude-names',
  'sizeorpercent': 'size-or-percent', 'maxcachesize': 'size-or-percent', 'sizeval': 'sizeval', 'size': 'size-or-default',
  'sizenodefault': 'size-or-unlimited', 'maxduration': 'duration-or-unlimited', 'ixfrratio': 'ixfr-ratio', 'rrl': 'rate-limit-block',
  'rpz': 'response-policy', 'catz': 'catalog-zones', 'dns64': 'dns64-block', 'updatepolicy': 'update-policy', 'view': 'view-statement',
  'zone': 'zone-statement', 'dnssecpolicy': 'dnssec-policy-statement', 'acl': 'acl-statement', 'key': 'key-statement',
  'controls': 'controls-block', 'logging': 'logging-block', 'options': 'options-block', 'statschannels': 'statistics-channels-block',
  'tlsconf': 'tls-statement', 'http_description': 'http-statement', 'server': 'server-statement', 'channel': 'channel-statement',
  'dlz': 'dlz-statement', 'dyndb': 'dyndb-statement', 'plugin': 'plugin-statement', 'keystore': 'key-store-statement',
  'template': 'template-statement', 'notifycfg': 'notify-cfg-statement', 'inetcontrol': 'inet-control', 'unixcontrol': 'unix-control',
  'statschannel': 'inet-statistics-channel', 'logfile': 'log-file', 'logseverity': 'log-severity', 'optional_facility': 'syslog-facility',
  'dnstapoutput': 'dnstap-output', 'serverid': 'server-id', 'fetchesper': 'fetches-per', 'fetchquota': 'fetch-quota-params',
  'checknames': 'check-names', 'checkmode': 'check-mode', 'kaspkeys': 'dnssec-policy-keys', 'nsec3': 'nsec3param',
  'validityinterval': 'sig-validity-interval', 'resppadding': 'response-padding', 'denyaddresses': 'deny-answer-addresses',
  'denyaliases': 'deny-answer-aliases', 'disablealgorithm': 'disable-algorithms', 'disabledsdigest': 'disable-ds-digests',
  'mustbesecure': 'dnssec-must-be-secure', 'rrsetorder': 'rrset-order', 'server_key_kludge': 'server-keys', 'tkey_dhkey': 'tkey-dhkey',
  'bracketed_text': 'text', 'optional_bracketed_text': 'optional-text', 'bracketed_netaddrlist': 'server-addresses',
  'staleanswerclienttimeout': 'stale-answer-client-timeout', 'min_transfer_rate_in': 'min-transfer-rate-in', 'checkdstype': 'checkds',
  'ixfrdifftype': 'ixfr-from-differences', 'dialuptype': 'dialup', 'notifytype': 'notify', 'zonestat': 'zone-statistics',
  'printtime': 'print-time', 'minimal': 'minimal-responses', 'tlsprotos': 'tls-protocols', 'bracketed_http_endpoint_list': 'endpoints',
  'fstrm_model': 'fstrm-model', 'cookiealg': 'cookie-algorithm', 'autodnssec': 'auto-dnssec', 'dnssecupdatemode': 'dnssec-update-mode',
  'updatemethod': 'serial-update-method', 'masterformat': 'masterfile-format', 'masterstyle': 'masterfile-style',
  'forwardtype': 'forward', 'zonetype': 'zone-type', 'transferformat': 'transfer-format', 'qminmethod': 'qname-minimization',
  'prefetch': 'prefetch', 'dnstap': 'dnstap', 'warn': 'warn-or-ignore', 'uint32': 'uint32', 'boolean': 'boolean', 'astring': 'astring',
  'qstring': 'qstring', 'sstring': 'secret', 'ustring': 'word', 'duration': 'duration', 'void': 'void', 'netprefix': 'netprefix',
}

def jkey(s): return json.dumps(s, sort_keys=True)

def replace_aml(s):
    if isinstance(s, dict):
        if s.get('k') == 'aml-element': return {'k': 'ref', 'ref': 'aml-element'}
        return {k: replace_aml(v) for k, v in s.items()}
    if isinstance(s, list): return [replace_aml(x) for x in s]
    return s

aml_elements = set()
def find_aml(s):
    if isinstance(s, dict):
        if s.get('k') == 'aml-element': aml_elements.add(jkey(s['v']))
        for v in s.values(): find_aml(v)
    elif isinstance(s, list):
        for x in s: find_aml(x)

# ---- collect clause rows per group, per version
groups = {}       # group -> ordered names
rows = {}         # (group, name) -> {version: (shapekey, flags)}
shape_by_key = {} # canonical json -> shape
shape_names = {}  # canonical json -> (type names seen)
contexts = {}     # context -> {version: [groups]}
for v in VERSIONS:
    f = F[v]; c = Conv(v, F)
    for csname, ctx in MAP_CONTEXTS.items():
        if csname not in f['clausesets']: continue
        contexts.setdefault(ctx, {})[v] = [GROUP_NAMES[g] for g in f['clausesets'][csname]]
    for arr, entries in f['clausedefs'].items():
        if arr not in GROUP_NAMES: continue
        g = GROUP_NAMES[arr]
        order = groups.setdefault(g, [])
        for e in entries:
            if e['name'] not in order: order.append(e['name'])
            key = None
            if e['type']:
                s = c.shape(e['type'])
                find_aml(s)
                s = replace_aml(s)
                key = jkey(s)
                shape_by_key[key] = s
                shape_names.setdefault(key, [])
                tn = e['type'].replace('cfg_type_', '')
                if tn not in shape_names[key]: shape_names[key].append(tn)
            flags = []
            zts = []
            for fl in e['flags']:
                if fl == 'CFG_CLAUSEFLAG_MULTI': flags.append('multi')
                elif fl in FLAGNAMES: flags.append(FLAGNAMES[fl])
                elif fl in ZT: zts.append(ZT[fl])
                elif fl in ('CFG_CLAUSEFLAG_CALLBACK', 'CFG_CLAUSEFLAG_CHDIR'): pass
                else: raise Exception('flag ' + fl)
            if e['feature']: flags.append('build=' + e['feature'])
            if zts: flags.append('zone=' + ','.join(sorted(zts, key=ZT_ORDER.index)))
            rows.setdefault((g, e['name']), {})[v] = (key, ' '.join(flags))

assert len(aml_elements) == 1, aml_elements
AML = json.loads(next(iter(aml_elements)))

# ---- name the shapes
ids = {}
used = {}
def base_name(key):
    tns = shape_names[key]
    return RENAME.get(tns[0], tns[0].replace('_', '-'))
for key in shape_by_key:
    n = base_name(key)
    used.setdefault(n, []).append(key)
for n, keys in used.items():
    if len(keys) == 1:
        ids[keys[0]] = n
        continue
    # variants of one BIND type across versions: suffix with the versions that use each
    for key in keys:
        vs = sorted({v for (g, name), spec in rows.items() for v, (k, _) in spec.items() if k == key}, key=VERSIONS.index)
        ids[key] = n + '@' + '+'.join(vs)
    assert len({ids[k] for k in keys}) == len(keys), (n, [ids[k] for k in keys])

# ---- emit TS
def lit(s):
    if isinstance(s, list): return '[' + ', '.join(lit(x) for x in s) + ']'
    return "'" + s.replace('\\', '\\\\').replace("'", "\\'") + "'"
NOTE_ORDER = None
def emit(s, ind=0):
    k = s['k']
    if k == 'atom': return f"atom({lit(s['a'])})"
    if k == 'void': return 'VOID'
    if k == 'ref': return f"ref({lit(s['ref'])})"
    if k == 'enum':
        vals = '[' + ', '.join(lit(x) for x in s['v']) + ']'
        return f"oneOf({vals}, {emit(s['or'], ind)})" if 'or' in s else f"oneOf({vals})"
    if k == 'kw':
        return f"kw({lit(s['kw'])}, {emit(s['v'], ind)}" + (f", {lit(s['note'])})" if 'note' in s else ')')
    if k == 'opt': return f"opt({emit(s['v'], ind)})"
    if k == 'note': return f"note({lit(s['note'])}, {emit(s['v'], ind)})"
    if k in ('seq', 'any', 'alt', 'some'):
        fn = {'seq': 'seq', 'any': 'anyOrder', 'alt': 'alt', 'some': 'someOf'}[k]
        parts = [emit(x, ind + 1) for x in s['v']]
        one = f"{fn}({', '.join(parts)})"
        if len(one) + ind * 2 < 110: return one
        pad = '  ' * (ind + 2)
        return f"{fn}(\n" + ''.join(f"{pad}{p},\n" for p in parts) + '  ' * (ind + 1) + ')'
    if k == 'list': return f"list({lit(s['ctx'])}, {emit(s['of'], ind)})"
    if k == 'spaced': return f"spaced({emit(s['of'], ind)})"
    if k == 'map': return f"block({lit(s['ctx'])})"
    if k == 'addr':
        fl = [x for x in ('v4', 'v6', 'wild') if s.get(x)]
        if 'port' in s: fl.append('port' if s['port'] == 'ok' else 'port(deprecated)')
        fl += [x for x in ('dscp', 'tls') if s.get(x)]
        return f"addr({lit(' '.join(fl))})"
    if k == 'aml-element': raise Exception('aml')
    raise Exception(k)

out = []
P = out.append
P('// GENERATED by tools/gen_grammar.py: the named.conf grammar of BIND 9, as data in our shape language (./shapes.ts).')
P('// Facts (clause names, flags, value layouts) read from BIND\'s lib/isccfg/namedconf.c and parser.c at the refs')
P('// below; the representation is ours. Regenerate rather than hand-edit; hand-made additions live in index.ts.')
P("import type { GrammarVersion, Shape } from './shapes';")
P("import { addr, alt, anyOrder, atom, block, kw, list, note, oneOf, opt, ref, seq, someOf, spaced, VOID } from './shapes';")
P('')
P('/** Where each grammar comes from. */')
P('export const GRAMMAR_SOURCES: Record<GrammarVersion, string> = {')
P(f"  '9.18': 'BIND {REFS['9.18']} (Debian 12 ships 9.18.49)',")
P(f"  '9.20': 'BIND {REFS['9.20']}',")
P(f"  main: 'BIND development branch ({REFS['main']} = {MAIN_DESC})',")
P('};')
P('')
P('/** The value shapes of clauses; `name@versions` marks a variant used only by those versions. */')
P('export const SHAPES: Record<string, Shape> = {')
P(f"  'aml-element': {emit(AML, 0)},")
for key in sorted(shape_by_key, key=lambda k: ids[k]):
    P(f"  {lit(ids[key])}: {emit(shape_by_key[key], 0)},")
P('};')
P('')
P('/**')
P(' * One row per clause: name, then per version "<shape> <flags>" (\'-\' = no shape: the clause is only recognised')
P(' * to be refused). `*` = the same in every version; a missing version = the clause does not exist there.')
P(' * Flags: multi, deprecated, obsolete, ancient, experimental, test-only, nodoc, optional (build-dependent),')
P(' * builtin-only, not-configured, build=<feature>, zone=<zone types>.')
P(' */')
P('export type ClauseRow = [name: string, spec: Partial<Record<GrammarVersion | \'*\', string>>];')
P('')
P('/** BIND\'s clause sets; a context is made of one or more of them (CONTEXT_GROUPS). */')
P('export const GROUPS: Record<string, ClauseRow[]> = {')
for g, names in groups.items():
    P(f"  {lit(g)}: [")
    for name in names:
        spec = rows[(g, name)]
        enc = {}
        for v in VERSIONS:
            if v in spec:
                key, flags = spec[v]
                enc[v] = ((ids[key] if key else '-') + (' ' + flags if flags else ''))
        if len(enc) == 3 and len(set(enc.values())) == 1:
            s = "{ '*': " + lit(enc['9.18']) + ' }'
        else:
            s = '{ ' + ', '.join((f"'{v}'" if v != 'main' else v) + ': ' + lit(x) for v, x in enc.items()) + ' }'
        P(f"    [{lit(name)}, {s}],")
    P('  ],')
P('};')
P('')
P('/** The clause sets each map context reads, in BIND\'s lookup order (the first set that knows a name wins). */')
P('export const CONTEXT_GROUPS: Record<string, Partial<Record<GrammarVersion | \'*\', string[]>>> = {')
for ctx, spec in contexts.items():
    if len(spec) == 3 and len({tuple(x) for x in spec.values()}) == 1:
        s = "{ '*': " + lit(spec['9.18']) + ' }'
    else:
        s = '{ ' + ', '.join((f"'{v}'" if v != 'main' else v) + ': ' + lit(x) for v, x in spec.items()) + ' }'
    P(f"  {lit(ctx)}: {s},")
P('};')
open(args.out, 'w').write('\n'.join(out) + '\n')
print('shapes', len(shape_by_key), 'rows', len(rows), 'groups', len(groups), 'contexts', len(contexts))
