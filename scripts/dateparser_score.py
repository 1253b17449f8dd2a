#!/usr/bin/env python3
"""Scores dateparser's search_dates on citeline's annotated sentences (tests/dates/*.txt) the
way tests/date_quality.rs scores citeline: extent P/R/F1 (a found expression counts when it
overlaps an annotated one) and value F1 (the values cover the same days), plus throughput.

    pip install dateparser && python3 scripts/dateparser_score.py

dateparser returns one datetime per expression, so it can only ever get single days right;
a lenient figure (its day falls inside the annotated span) is printed beside it.
"""
import datetime as dt
import re
import sys
import time
from pathlib import Path

from dateparser.search import search_dates

ROOT = Path(__file__).resolve().parent.parent


def parse(path):
    """Each line one text; a line starting "+ " goes on with the text above as its next paragraph."""
    published = None
    texts = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# published: "):
            published = dt.datetime.strptime(raw.split(": ", 1)[1].strip(), "%Y-%m-%d")
            continue
        if raw.startswith("#") or not raw.strip():
            continue
        more = raw.startswith("+ ")
        if more:
            above, gold, _ = texts.pop()
            text, rest = above + "\n", raw[2:]
        else:
            text, gold, rest = "", [], raw
        while "[" in rest:
            i = rest.index("[")
            text += rest[:i]
            j = rest.index("]", i)
            expr, value = rest[i + 1 : j].split("|", 1)
            gold.append((len(text.encode()), len(text.encode()) + len(expr.encode()), value))
            text += expr
            rest = rest[j + 1 :]
        text += rest
        texts.append((text, gold, published))
    return texts


def ordinal(y, m=1, d=1):
    return dt.date(y, m, d).toordinal()


def point_days(p):
    """[start, end) in ordinal days of one EDTF point (no qualifiers)."""
    p = p.rstrip("~?%")
    if re.fullmatch(r"\d{3}X", p):
        y = int(p[:3]) * 10
        return ordinal(y), ordinal(y + 10)
    if re.fullmatch(r"\d{2}XX", p):
        y = int(p[:2]) * 100
        return ordinal(max(y, 1)), ordinal(y + 100)
    parts = [int(x) for x in p.split("-")]
    if len(parts) == 1:
        return ordinal(parts[0]), ordinal(parts[0] + 1)
    y, m = parts[0], parts[1]
    if m >= 21:
        first = 3 * (m - 21) + 3
        ey, em = (y + 1, first + 3 - 12) if first + 3 > 12 else (y, first + 3)
        return ordinal(y, first), ordinal(ey, em)
    if len(parts) == 2:
        return ordinal(y, m), (ordinal(y + 1) if m == 12 else ordinal(y, m + 1))
    s = ordinal(y, m, parts[2])
    return s, s + 1


def days(value):
    if value in ("duration", "frequency", "?"):
        return None
    if "/" in value:
        a, b = value.split("/")
        start = None if a == ".." else point_days(a)[0]
        end = None if b == ".." else point_days(b)[1]
        return start, end
    return point_days(value)


def score(lang, path):
    gold_n = found_n = hits = gold_values = found_values = value_hits = lenient = 0
    elapsed = 0.0
    size = 0
    for text, gold, published in parse(path):
        size += len(text.encode())
        started = time.perf_counter()
        settings = {"RELATIVE_BASE": published} if published else {}
        results = search_dates(text, languages=[lang], settings=settings) or []
        elapsed += time.perf_counter() - started
        found, at = [], 0
        raw = text.encode()
        for substring, when in results:
            b = substring.encode()
            k = raw.find(b, at)
            if k < 0:
                k = raw.find(b)
            if k < 0:
                continue
            at = k + len(b)
            found.append((k, k + len(b), when))
        gold_n += len(gold)
        found_n += len(found)
        gold_values += sum(1 for g in gold if days(g[2]) is not None)
        found_values += len(found)
        used = [False] * len(found)
        for gs, ge, value in gold:
            for k, (fs, fe, when) in enumerate(found):
                if not used[k] and fs < ge and gs < fe:
                    used[k] = True
                    hits += 1
                    want = days(value)
                    if want is not None:
                        d = when.date().toordinal()
                        if want == (d, d + 1):
                            value_hits += 1
                        if (want[0] is None or want[0] <= d) and (want[1] is None or d < want[1]):
                            lenient += 1
                    break
    f1 = lambda p, r: 0.0 if p + r == 0 else 2 * p * r / (p + r)
    ep, er = hits / max(found_n, 1), hits / max(gold_n, 1)
    vp, vr = value_hits / max(found_values, 1), value_hits / max(gold_values, 1)
    lp, lr = lenient / max(found_values, 1), lenient / max(gold_values, 1)
    return gold_n, ep, er, f1(ep, er), vp, vr, f1(vp, vr), f1(lp, lr), size / elapsed / 1e6


def main():
    print("| Language | Expressions | Extent P | Extent R | Extent F1 | Value P | Value R | Value F1 | Value F1, lenient | MB/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for lang in ("es", "it", "en"):
        row = score(lang, ROOT / "tests" / "dates" / f"{lang}.txt")
        print(f"| {lang} | {row[0]} | " + " | ".join(f"{v:.3f}" for v in row[1:8]) + f" | {row[8]:.4f} |")


if __name__ == "__main__":
    sys.exit(main())
