#!/usr/bin/env python3
"""Pairwise precision and recall of merging on the written story corpus
(tests/data/stories/stories.jsonl), with any tarikh binary: ingests the
corpus into a fresh database (day by day, outlets interleaved, as the test
does) and compares each article's event on its gold date with the gold
stories. With --explain, lists each story's events and the events that mix
stories, with the merges' reasons.

Usage: scripts/stories_eval.py [--bin target/release/tarikh] [--explain]
"""
import argparse, json, os, sqlite3, subprocess, sys, tempfile
from collections import defaultdict

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(repo, "target/release/tarikh"))
ap.add_argument("--corpus", default=os.path.join(repo, "tests/data/stories/stories.jsonl"))
ap.add_argument("--explain", action="store_true")
args = ap.parse_args()

rows = [json.loads(l) for l in open(args.corpus, encoding="utf-8") if l.strip()]
rows.sort(key=lambda v: (v["dct"], v["source"], v["id"]))
with tempfile.TemporaryDirectory() as tmp:
    jsonl, db = os.path.join(tmp, "stories.jsonl"), os.path.join(tmp, "stories.db")
    with open(jsonl, "w", encoding="utf-8") as f:
        for v in rows:
            f.write(json.dumps({k: v[k] for k in ("id", "title", "text", "dct", "lang", "source")}, ensure_ascii=False) + "\n")
    subprocess.run([args.bin, "ingest", "--db", db, jsonl], check=True, stdout=subprocess.DEVNULL)
    c = sqlite3.connect(db)
    story = {v["id"]: v["story"] for v in rows}
    gold_date = {v["id"]: v["event_date"] for v in rows}
    found = {v["id"]: None for v in rows}
    members = defaultdict(set)
    for doc, ev, first, last in c.execute(
            "SELECT d.external_id, v.event_id, e.first_day, e.last_day FROM evidence v "
            "JOIN documents d ON d.id = v.document_id JOIN events e ON e.id = v.event_id"):
        members[ev].add(doc)
        if first == last == gold_date[doc]:
            found[doc] = ev
    ids = [v["id"] for v in rows]
    both = merged = gold = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            sg = story[a] == story[b]
            sf = found[a] is not None and found[a] == found[b]
            both += sg and sf
            merged += sf
            gold += sg
    p = both / merged if merged else 1.0
    r = both / gold if gold else 1.0
    mixed = [e for e, ds in members.items() if len({story[d] for d in ds}) > 1]
    print(f"articles {len(ids)}, stories {len(set(story.values()))}: pairwise precision {p:.3f} ({both}/{merged}), "
          f"recall {r:.3f} ({both}/{gold}); events mixing stories {len(mixed)}")
    if args.explain:
        by_story = defaultdict(lambda: defaultdict(list))
        for d in ids:
            by_story[story[d]][found[d]].append(d)
        for s, evs in sorted(by_story.items()):
            print(f"== {s}: " + "; ".join(f"{e}: {' '.join(sorted(x[-2:] for x in ds))}" for e, ds in evs.items()))
        for e in mixed:
            print(f"-- event {e} mixes", sorted(members[e]))
            for doc, reason in c.execute("SELECT d.external_id, m.reason FROM merges m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ?", (e,)):
                print("   ", doc, reason)
