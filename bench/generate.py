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
SYLLABLES = "ka lo mi ren tas vel dor pri sun ber ga lin mon tre vis cal dan fe ho jur ne pol ras sil ton u vak wen zor".split()


STOPWORDS = ("the of and to in a is that for on with as by was it at be this are from has have an not which "
             "will their also its or been more they were all can our but we these would there new should").split()


def vocabulary(rng, size=6000):
    """Stop words first, then made-up words with the domain words spread between ranks 100 and 3000, drawn with
    Zipf frequencies as words in real text are: a domain word occurs in some items, not in nearly all of them."""
    made_up = set()
    while len(made_up) < size:
        made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words = STOPWORDS + sorted(made_up)
    for i, word in enumerate(WORDS):
        words.insert(100 + i * (2900 // len(WORDS)), word)
    weights = [1.0 / rank for rank in range(1, len(words) + 1)]
    return words, weights


def sentence(rng, low=8, high=20):
    words = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def main():
    count, output = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20101109)
    global VOCABULARY, CUMULATIVE
    VOCABULARY, weights = vocabulary(rng)
    CUMULATIVE = list(__import__("itertools").accumulate(weights))
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
                "tags": sorted({rng.choice(WORDS), rng.choice(WORDS)}),
            }
            if n > 1:
                out.write(",\n")
            out.write(json.dumps(item, ensure_ascii=False))
        out.write("]\n")


if __name__ == "__main__":
    main()
