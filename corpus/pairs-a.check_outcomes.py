import json,sys,os
K="doc region level indicator kind multiplier value unit qualifier per_year base_year year quote optional".split()
base=os.path.dirname(os.path.abspath(sys.argv[1])); st=os.path.basename(sys.argv[1]).split('.')[0]; err=0
for n,l in enumerate(open(sys.argv[1]),1):
    r=json.loads(l); ks=list(r)
    if ks[:14]!=K or ks[14:] not in ([],["note"]): print(n,"key order",ks); err+=1
    t=open(os.path.join(base,st,r["doc"]),encoding="utf-8").read()
    if r["quote"] not in t: print(n,"quote not in file",r["quote"]); err+=1
    if r["kind"] not in ("growth","reduction","level","count","multiple"): print(n,"kind",r["kind"]); err+=1
    if not isinstance(r["year"],int) or not isinstance(r["optional"],bool): print(n,"year/optional type"); err+=1
    if not isinstance(r["value"],(int,float)) or not r["unit"]: print(n,"value/unit"); err+=1
    if r["qualifier"] not in (None,"左右","以上","以下","以内","超过","不低于","力争") : print(n,"qualifier?",r["qualifier"])
print(n,"rows,",err,"errors"); sys.exit(bool(err))
