#!/usr/bin/env python3
"""Makes assets/words/{en,es,it}.txt from wordfreq's data (pip download --no-deps wordfreq).

Usage: python3 scripts/word_lists.py WORDFREQ_WHEEL   (needs: pip install msgpack)
The 60,000 most frequent entries of each language that are letters only, two or more,
most frequent first. The data is CC BY-SA 4.0 (see assets/words/README.md).
"""
import gzip
import re
import sys
import zipfile

import msgpack

WORDS = 60_000


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        for lang in ["en", "es", "it"]:
            raw = gzip.decompress(z.read(f"wordfreq/data/large_{lang}.msgpack.gz"))
            buckets = msgpack.unpackb(raw, raw=False)[1:]
            words, seen = [], set()
            for bucket in buckets:
                for w in bucket:
                    if re.fullmatch(r"[^\W\d_]{2,}", w) and w not in seen:
                        seen.add(w)
                        words.append(w)
            with open(f"assets/words/{lang}.txt", "w", encoding="utf-8") as out:
                out.write("\n".join(words[:WORDS]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
