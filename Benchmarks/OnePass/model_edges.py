import sys, yaml
m = yaml.safe_load(open(sys.argv[1]))
idx = {a['id']: i for i, a in enumerate(m['actors'])}
with open(sys.argv[2], 'w') as f:
    f.write("%d\n" % len(m['actors']))
    for r in m['relations']:
        f.write("%d %d %r %r\n" % (idx[r['from']], idx[r['to']], float(r.get('weight', 1)), float(r['confidence']) if 'confidence' in r else -1.0))
