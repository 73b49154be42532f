#!/usr/bin/env python3
"""Score extracted outcomes (reported results) against an outcome gold file.

usage: score-outcomes.py GOLD.outcomes.jsonl PRED.jsonl [--verbose]

PRED is `ptt extract --records outcomes --format jsonl` output (or `--records all`: only objects
with "record": "outcome" are read). Matching is the shared scorer's (../shared/tools/score.py,
found beside the shared corpus or through PTT_SCORER) with the result's `year` in place of the
deadline year: same document, kind, year, region, number and overlapping indicator.
"""
import importlib.util, json, os, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
scorer = os.environ.get('PTT_SCORER') or os.path.join(here, '..', '..', 'shared', 'tools', 'score.py')
spec = importlib.util.spec_from_file_location('score', scorer)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

def as_deadlines(path, predictions):
    rows = []
    for r in score.load(path):
        if predictions and r.get('record', 'outcome') != 'outcome':
            continue
        r = dict(r)
        r['deadline_year'] = r.pop('year', None)
        rows.append(r)
    f = tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8')
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
    f.close()
    return f.name

args = [a for a in sys.argv[1:] if not a.startswith('--')]
if len(args) != 2:
    sys.exit(__doc__)
gold, pred = as_deadlines(args[0], False), as_deadlines(args[1], True)
try:
    sys.exit(score.main([gold, pred] + [a for a in sys.argv[1:] if a.startswith('--')]))
finally:
    os.unlink(gold); os.unlink(pred)
