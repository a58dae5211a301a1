#!/usr/bin/env python3
"""Writes N synthetic news items in NewsPortal's JSON exchange format, for benchmarks only.

The text is made of common English words drawn from a fixed seed: plainly not news, never presented as such.
Usage: generate.py COUNT OUTPUT.json
"""
import json
import random
import sys

WORDS = ("security migration border police cooperation asylum europe union member states commission "
         "council parliament agreement report data protection cyber crime trafficking visa schengen "
         "external internal market policy citizens rights procedure proposal review strategy network "
         "research funding agency national local regional support response system information exchange "
         "public private sector safety freedom justice dialogue partnership mobility integration").split()
SECTIONS = ["news", "speech", "press-release", "video"]


def sentence(rng, low=8, high=20):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def main():
    count, output = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20101109)
    with open(output, "w", encoding="utf-8") as out:
        out.write("[")
        for n in range(1, count + 1):
            year = 2010 + n % 5
            item = {
                "title": f"Benchmark item {n}: {sentence(rng, 3, 7)[:-1]}",
                "date": f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "section": SECTIONS[n % len(SECTIONS)],
                "summary": sentence(rng),
                "body": "\n\n".join(
                    [f"## {sentence(rng, 2, 5)[:-1]}"] +
                    [" ".join(sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(3, 6))] +
                    [f"- {sentence(rng, 3, 8)}\n- {sentence(rng, 3, 8)}\n- **{sentence(rng, 2, 4)}**"]),
                "tags": [rng.choice(WORDS), rng.choice(WORDS)],
            }
            if n > 1:
                out.write(",\n")
            out.write(json.dumps(item, ensure_ascii=False))
        out.write("]\n")


if __name__ == "__main__":
    main()
