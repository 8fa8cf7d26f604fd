#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score rawabit-cli's name mentions on a token-level NER corpus (CoNLL BIO format).

Usage:
  bench/ner-score.py --cli build/src/rawabit-cli CORPUS.conll [--chunk N] [--show-errors K]

CORPUS.conll holds one token per line ("TOKEN TAG", the tag last, as in ANERcorp or CoNLL 2003:
B-PERS/I-PERS, B-LOC, B-ORG, B-MISC, O; PER is read as PERS), blank lines between sentences.
The tokens of N sentences (default 40) are joined with spaces into one article each; all the
articles go to one `rawabit-cli extract --format json` run. Each mention whose kind is "name"
(or that has no kind) becomes a predicted span over the tokens it overlaps, typed by its
entity: person -> PERS, place -> LOC, company/organization -> ORG. Spans are compared exactly,
as conlleval does (and, on a last line, by overlap); MISC is not scored. Prints precision,
recall and F1 per type and micro.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TYPE_OF_ENTITY = {"person": "PERS", "place": "LOC", "company": "ORG", "organization": "ORG"}
SCORED = ("PERS", "LOC", "ORG")


def read_conll(path):
    """Returns a list of sentences, each a list of (token, tag)."""
    sentences, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sentences.append(cur)
                    cur = []
                continue
            if parts[0].startswith("-DOCSTART-"):
                continue
            tag = parts[-1] if len(parts) > 1 else "O"
            cur.append((parts[0], tag))
    if cur:
        sentences.append(cur)
    return sentences


def norm_type(t):
    t = t.upper()
    return "PERS" if t in ("PER", "PERSON") else t


def gold_spans(tags):
    """BIO tags -> set of (type, first, last) token index spans (an I- after O opens a span)."""
    spans, start, typ = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and norm_type(tag[2:]) != typ):
            if start is not None:
                spans.add((typ, start, i - 1))
            start, typ = (i, norm_type(tag[2:])) if tag != "O" else (None, None)
    return spans


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--chunk", type=int, default=40)
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("corpus")
    a = ap.parse_args()

    sentences = read_conll(a.corpus)
    docs = []  # (text, token offsets [(s, e)], tags, tokens)
    for i in range(0, len(sentences), max(1, a.chunk)):
        text, offs, tags, toks = [], [], [], []
        pos = 0
        for sent in sentences[i:i + a.chunk]:
            for j, (tok, tag) in enumerate(sent):
                if j:
                    text.append(" ")
                    pos += 1
                offs.append((pos, pos + len(tok)))
                text.append(tok)
                pos += len(tok)
                tags.append(tag)
                toks.append(tok)
            text.append("\n")
            pos += 1
        docs.append(("".join(text), offs, tags, toks))

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (text, _, _, _) in enumerate(docs):
            p = os.path.join(tmp, "a%05d.txt" % k)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(p)
        out = subprocess.run([a.cli, "extract", "--format", "json"] + paths,
                             check=True, capture_output=True).stdout
    graph = json.loads(out)
    doc_index = {}
    for d in graph["documents"]:
        doc_index[d["id"]] = paths.index(d["path"])

    pred = [set() for _ in docs]
    for e in graph["entities"]:
        typ = TYPE_OF_ENTITY.get(e.get("type"))
        if not typ:
            continue
        for m in e.get("mentions", []):
            if m.get("kind", "name") != "name":
                continue
            k = doc_index[m["document"]]
            offs = docs[k][1]
            first = last = None
            for t, (s, en) in enumerate(offs):  # mentions are few; a scan per mention is fine here
                if en > m["start"] and s < m["end"]:
                    if first is None:
                        first = t
                    last = t
            if first is not None:
                pred[k].add((typ, first, last))

    tp = {t: 0 for t in SCORED}
    fp = dict(tp)
    fn = dict(tp)
    errors = []
    for k, (_, _, tags, toks) in enumerate(docs):
        gold = {s for s in gold_spans(tags) if s[0] in SCORED}
        for s in pred[k] | gold:
            if s in pred[k] and s in gold:
                tp[s[0]] += 1
            elif s in pred[k]:
                fp[s[0]] += 1
                errors.append(("fp", s[0], " ".join(toks[s[1]:s[2] + 1])))
            else:
                fn[s[0]] += 1
                errors.append(("fn", s[0], " ".join(toks[s[1]:s[2] + 1])))

    def prf(t_p, f_p, f_n):
        p = t_p / (t_p + f_p) if t_p + f_p else 0.0
        r = t_p / (t_p + f_n) if t_p + f_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    for t in SCORED:
        p, r, f = prf(tp[t], fp[t], fn[t])
        print("%-5s P=%.3f R=%.3f F1=%.3f (tp %d fp %d fn %d)" % (t, p, r, f, tp[t], fp[t], fn[t]))
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print("micro P=%.3f R=%.3f F1=%.3f" % (p, r, f))
    # Boundary conventions differ between corpora (is شركة or "Inc." part of the name?): the
    # overlap line counts a span found when a span of the same type overlaps it.
    o_tp_p = o_tp_g = n_p = n_g = 0
    for k, (_, _, tags, _) in enumerate(docs):
        gold = [s for s in gold_spans(tags) if s[0] in SCORED]
        pr = sorted(pred[k])
        n_p += len(pr)
        n_g += len(gold)
        o_tp_p += sum(1 for s in pr if any(g[0] == s[0] and g[1] <= s[2] and s[1] <= g[2] for g in gold))
        o_tp_g += sum(1 for g in gold if any(g[0] == s[0] and g[1] <= s[2] and s[1] <= g[2] for s in pr))
    p = o_tp_p / n_p if n_p else 0.0
    r = o_tp_g / n_g if n_g else 0.0
    print("overlap P=%.3f R=%.3f F1=%.3f" % (p, r, 2 * p * r / (p + r) if p + r else 0.0))
    for e in errors[:a.show_errors]:
        print("%s %-4s %s" % e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
