#!/usr/bin/env python3
"""Scores tarikh on TIMEX3 extraction the way TempEval-3 (SemEval-2013 Task 1,
UzZaman et al. 2013) scored it: every TIMEX3 of every type counts.

  strict span   a system timex matches a gold one with exactly the same span
  relaxed span  a system timex matches a gold one it overlaps
  value, type   attribute F1: a system timex counts when it matches a gold timex
                under relaxed matching and the attribute is equal;
                P = correct / system timexes, R = correct / gold timexes

Matching is one to one: each gold timex is matched at most once, and each
system timex at most once (exact spans first, then the largest overlap).
Spans are Unicode code points (TempEval-3 matched tokens; a character span
that overlaps is a token span that overlaps).

Usage:
    tempeval3.py [--cmd "target/release/tarikh extract --batch --types all"]
                 [--gold ../shared/eval/english/tbaq_gold.jsonl] [--docs ../shared/eval/english/tbaq]
                 [--min-relaxed F] [--min-strict F] [--min-value F] [-v]
    tempeval3.py --self-test

The gold is JSON Lines, one document a line: {"doc", "dct", "lang", "mentions":
[{"start", "end", "text", "value", "type", ...}]}; `optional` is ignored (every
TIMEX3 is scored). The command reads and writes tarikh's batch protocol; a
system mention without `type` is a DATE. Exit status 1 below a floor.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', 'shared', 'eval', 'english')


def overlap(a, b):
    """Code points two spans share (0 when they do not overlap)."""
    return max(0, min(a['end'], b['end']) - max(a['start'], b['start']))


def match(gold, system):
    """One-to-one relaxed matching of one document: [(gold index, system index)].

    Exact spans are paired first, then the remaining overlapping pairs by
    decreasing overlap, each timex used once."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            o = overlap(g, s)
            if o > 0:
                exact = g['start'] == s['start'] and g['end'] == s['end']
                pairs.append((not exact, -o, gi, si))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def prf(correct, n_system, n_gold):
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs):
    """docs: [(gold mentions, system mentions)] → {measure: (P, R, F1)} and counts."""
    n_gold = n_sys = strict = relaxed = value = typ = 0
    for gold, system in docs:
        n_gold += len(gold)
        n_sys += len(system)
        for gi, si in match(gold, system):
            g, s = gold[gi], system[si]
            relaxed += 1
            strict += g['start'] == s['start'] and g['end'] == s['end']
            value += g['value'] == s['value']
            typ += g['type'] == s.get('type', 'DATE')
    return {
        'strict': prf(strict, n_sys, n_gold),
        'relaxed': prf(relaxed, n_sys, n_gold),
        'value': prf(value, n_sys, n_gold),
        'type': prf(typ, n_sys, n_gold),
    }, (n_gold, n_sys)


def run(cmd, docs):
    payload = ''.join(json.dumps(d, ensure_ascii=False) + '\n' for d in docs)
    p = subprocess.run(shlex.split(cmd), input=payload.encode(), capture_output=True, timeout=600)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode(errors='replace'))
        sys.exit(f"extractor exited {p.returncode}")
    res = {}
    for line in p.stdout.decode().splitlines():
        if line.strip():
            r = json.loads(line)
            res[r['id']] = r.get('mentions', [])
    missing = [d['id'] for d in docs if d['id'] not in res]
    if missing:
        sys.exit(f"extractor returned no result for {len(missing)} documents, e.g. {missing[:3]}")
    return res


def self_test():
    """Checks the arithmetic on hand-made gold and system timexes."""
    def t(start, end, value, typ='DATE'):
        return {'start': start, 'end': end, 'value': value, 'type': typ}

    failures, checks = [], [0]

    def check(name, got, want):
        checks[0] += 1
        if abs(got - want) > 1e-9:
            failures.append(f"{name}: got {got}, want {want}")

    # Four gold timexes, four system ones: one exact and right, one overlapping
    # with the wrong value, one exact with the wrong type, one spurious; one gold missed.
    gold = [t(0, 10, '2022-01-08'), t(20, 30, 'P3Y', 'DURATION'), t(40, 45, 'P1D', 'SET'), t(60, 70, '1998')]
    system = [t(0, 10, '2022-01-08'), t(22, 35, 'P2Y', 'DURATION'), t(40, 45, 'P1D', 'DURATION'), t(80, 85, 'now')]
    m, counts = score([(gold, system)])
    check('gold count', counts[0], 4)
    check('system count', counts[1], 4)
    check('strict P', m['strict'][0], 2 / 4)
    check('strict R', m['strict'][1], 2 / 4)
    check('relaxed F1', m['relaxed'][2], 3 / 4)
    check('value P', m['value'][0], 2 / 4)
    check('value R', m['value'][1], 2 / 4)
    check('type F1', m['type'][2], 2 / 4)

    # One to one: two system timexes inside one gold timex count once; the
    # exact one is preferred, so the value is the exact one's.
    gold = [t(0, 20, 'P2Y', 'DURATION')]
    system = [t(0, 5, 'P1Y', 'DURATION'), t(0, 20, 'P2Y', 'DURATION')]
    m, _ = score([(gold, system)])
    check('one-to-one relaxed P', m['relaxed'][0], 1 / 2)
    check('one-to-one relaxed R', m['relaxed'][1], 1.0)
    check('one-to-one value R', m['value'][1], 1.0)
    check('one-to-one strict F1', m['strict'][2], 2 * 0.5 * 1.0 / 1.5)

    # One system timex over two gold ones is matched to the larger overlap only.
    gold = [t(0, 4, '2022'), t(5, 20, '2022-01')]
    system = [t(0, 20, '2022-01')]
    m, _ = score([(gold, system)])
    check('largest overlap value P', m['value'][0], 1.0)
    check('largest overlap value R', m['value'][1], 1 / 2)

    # Touching spans do not overlap; a missing system type is DATE; empty system scores 0.
    gold = [t(0, 5, '2022'), t(10, 15, 'PRESENT_REF')]
    system = [{'start': 5, 'end': 9, 'value': '2022'}, {'start': 10, 'end': 15, 'value': 'PRESENT_REF'}]
    m, _ = score([(gold, system)])
    check('touching relaxed P', m['relaxed'][0], 1 / 2)
    check('default type P', m['type'][0], 1 / 2)
    m, _ = score([(gold, [])])
    check('no system F1', m['relaxed'][2], 0.0)

    # Counts add up over documents.
    m, counts = score([([t(0, 3, 'P1D', 'DURATION')], [t(0, 3, 'P1D', 'DURATION')]), ([t(0, 3, '2000')], [])])
    check('two documents gold', counts[0], 2)
    check('two documents value R', m['value'][1], 1 / 2)
    check('two documents value P', m['value'][0], 1.0)

    if failures:
        print('self-test FAILED:\n  ' + '\n  '.join(failures))
        return 1
    print(f'self-test passed ({checks[0]} checks)')
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--cmd', default=os.path.join(HERE, '..', 'target', 'release', 'tarikh') + ' extract --batch --types all')
    ap.add_argument('--gold', default=os.path.join(SHARED, 'tbaq_gold.jsonl'))
    ap.add_argument('--docs', default=os.path.join(SHARED, 'tbaq'))
    ap.add_argument('--min-relaxed', type=float, default=0.0)
    ap.add_argument('--min-strict', type=float, default=0.0)
    ap.add_argument('--min-value', type=float, default=0.0)
    ap.add_argument('--self-test', action='store_true')
    ap.add_argument('-v', '--verbose', action='store_true', help='list missed, spurious and wrongly valued timexes')
    a = ap.parse_args()
    if a.self_test:
        sys.exit(self_test())
    gold = [json.loads(l) for l in open(a.gold, encoding='utf-8') if l.strip()]
    docs = []
    for g in gold:
        text = open(os.path.join(a.docs, g['doc']), encoding='utf-8').read()
        docs.append(dict(id=g['doc'], text=text, dct=g['dct'], lang=g['lang']))
    res = run(a.cmd, docs)
    pairs = [(g['mentions'], res[g['doc']]) for g in gold]
    m, (n_gold, n_sys) = score(pairs)
    if a.verbose:
        for g, (gm, sm) in zip(gold, pairs):
            matched = match(gm, sm)
            mg = {gi for gi, _ in matched}
            ms = {si for _, si in matched}
            for gi, si in matched:
                if gm[gi]['value'] != sm[si]['value'] or gm[gi]['type'] != sm[si].get('type', 'DATE'):
                    print(f"  VALUE {g['doc']} {gm[gi]['text']!r} {gm[gi]['type']} {gm[gi]['value']}"
                          f" <- {sm[si]['text']!r} {sm[si].get('type', 'DATE')} {sm[si]['value']}")
            for gi, x in enumerate(gm):
                if gi not in mg:
                    print(f"  MISS  {g['doc']} {x['text']!r} {x['type']} {x['value']}")
            for si, x in enumerate(sm):
                if si not in ms:
                    print(f"  EXTRA {g['doc']} {x['text']!r} {x.get('type', 'DATE')} {x['value']}")
    print(f"TempEval-3 timexes: gold {n_gold}, system {n_sys}")
    for k in ('strict', 'relaxed', 'value', 'type'):
        p, r, f = m[k]
        print(f"{k:8} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    low = [(k, f, m[k][2]) for k, f in (('relaxed', a.min_relaxed), ('strict', a.min_strict), ('value', a.min_value))
           if m[k][2] < f]
    for k, f, got in low:
        print(f"below the floor: {k} F1 {got:.3f} < {f}")
    sys.exit(1 if low else 0)


if __name__ == '__main__':
    main()
