"""Check SET.outcomes.jsonl: quotes are exact substrings, keys in documented order, kinds/types."""
import json, sys, os
path = sys.argv[1] if len(sys.argv) > 1 else 'pairs-b.outcomes.jsonl'
base = os.path.join(os.path.dirname(os.path.abspath(path)), os.path.basename(path).split('.')[0])
KEYS = 'doc region level indicator kind multiplier value unit qualifier per_year base_year year quote optional'.split()
errs = 0; rows = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
for i, r in enumerate(rows, 1):
    k = list(r); bad = []
    if k[:len(KEYS)] != KEYS or not set(k[len(KEYS):]) <= {'note'}: bad.append('key order %s' % k)
    if r['kind'] not in ('growth', 'reduction', 'level', 'count', 'multiple'): bad.append('kind')
    if r['level'] not in ('national', 'province', 'prefecture', 'county'): bad.append('level')
    if not isinstance(r['year'], int) or not isinstance(r['optional'], bool): bad.append('year/optional type')
    if r['value'] is not None and not isinstance(r['value'], (int, float)): bad.append('value type')
    if r['quote'] not in open(os.path.join(base, r['doc']), encoding='utf-8').read(): bad.append('QUOTE NOT FOUND')
    for b in bad: print(f'ERROR line {i} ({r["doc"]}: {r["quote"]}): {b}'); errs += 1
print(f'{len(rows)} rows, {errs} errors'); sys.exit(1 if errs else 0)
