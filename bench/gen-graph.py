#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gen-graph.py — random graphs for the layout, redraw and export benchmarks.

Usage: bench/gen-graph.py N OUT-PREFIX [--seed S]

Writes OUT-PREFIX.json (a Rawabit graph: N entities of the four types with names of realistic
length, a third with an Arabic alias, and about 2 × N relations of random types) and
OUT-PREFIX.gv (the same graph as plain DOT, names as labels, for `sfdp`, `dot -Tpng` and
`xdot`). Edges: half join a node to one of its near neighbours in a ring-like order, half are
long edges between random nodes, as in real entity graphs (and as sfdp's own random-graph
benchmarks), so the layout is not a near-neighbour grid.
"""
import json
import random
import sys

SYLLABLES = ["Al", "ba", "Cor", "da", "Ex", "fin", "Gro", "hal", "In", "ja", "Kor", "lum", "Me",
             "nor", "Ost", "pa", "Qu", "ri", "Sol", "ta", "Ur", "vin", "Wex", "zen"]
ARABIC = ["شركة", "مجموعة", "وكالة", "السيد", "مدينة", "بنك"]
TYPES = ["company", "organization", "person", "place"]
RELATIONS = ["ownership", "partnership", "supply", "investment", "executive", "location",
             "competition"]


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    n, prefix = int(args[0]), args[1]
    rnd = random.Random(seed)
    entities = []
    for i in range(n):
        name = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))) + f" {i}"
        e = {"id": f"e{i}", "name": name, "type": rnd.choice(TYPES), "aliases": [],
             "mentions": []}
        if i % 3 == 0:
            e["aliases"].append(f"{rnd.choice(ARABIC)} {i}")
        entities.append(e)
    pairs = set()
    relations = []
    target = 2 * n
    while len(relations) < target and n > 1:
        a = rnd.randrange(n)
        if len(relations) % 2 == 0:
            b = (a + rnd.randint(1, 5)) % n
        else:
            b = rnd.randrange(n)
        rtype = rnd.choice(RELATIONS)
        if a == b or (a, b, rtype) in pairs:
            continue
        pairs.add((a, b, rtype))
        relations.append({"source": f"e{a}", "target": f"e{b}", "type": rtype,
                          "directed": rtype != "partnership" and rtype != "competition",
                          "confidence": round(rnd.uniform(0.5, 1.0), 3), "evidence": []})
    graph = {"format": "rawabit-graph", "version": 1, "documents": [], "entities": entities,
             "relations": relations}
    with open(prefix + ".json", "w", encoding="utf-8") as f:
        json.dump(graph, f, ensure_ascii=False)
    with open(prefix + ".gv", "w", encoding="utf-8") as f:
        f.write("digraph G {\n")
        for i, e in enumerate(entities):
            label = e["name"] + ("\\n" + e["aliases"][0] if e["aliases"] else "")
            f.write(f'  n{i} [label="{label}"];\n')
        for r in relations:
            f.write(f'  n{r["source"][1:]} -> n{r["target"][1:]};\n')
        f.write("}\n")


if __name__ == "__main__":
    main()
