#!/usr/bin/env python3
"""How fast the Python package parses, against what else a Python user has.

Run by hand (not in CI), with the package installed in release mode:

    pip install ./python            # maturin builds it with --release
    python benches/python_bench.py  # about a minute

On the same texts and in the same run, round after round (the ratios are
taken within a round, so a machine shared with other work moves them less
than the absolute speeds):

- ``parse_article``: ``bulletin.parse_article(text, lenient=True)`` from
  Python, the dicts built and dropped; each text a new ``str`` object, as
  when texts are read from files.
- ``pythonize``: the same with the dicts built by the ``pythonize`` crate
  (``bulletin._bulletin._parse_article_pythonize``), the first conversion
  tried.
- ``Rust``: the Rust library alone on the same texts, timed in Rust
  (``bulletin._bulletin._parse_only``): the parse, no Python objects.
- ``regex``: a plain-Python extractor that does less: the header fields,
  the citation-like parentheticals and the dates in them (month, day,
  year), in small dicts.
- ``json.loads`` and ``pickle.loads`` of the very dicts ``parse_article``
  returns: what building those Python objects costs CPython with no
  parsing at all, the floor of any converter.

Inputs: the repository's sample, the seed article and the real corpus
(``../shared/corpus`` beside the repository, or ``$BULLETIN_CORPUS``; left
out with a note when absent). MB = 10^6 bytes of UTF-8.

For instruction counts, which a loaded machine does not move, run one fixed
workload (ten passes over the corpus) under callgrind, once per side:

    valgrind --tool=callgrind python benches/python_bench.py --workload parse_article
    valgrind --tool=callgrind python benches/python_bench.py --workload rust
    valgrind --tool=callgrind python benches/python_bench.py --workload none
"""

import argparse
import gc
import json
import os
import pickle
import platform
import re
import statistics
import sys
import time
from pathlib import Path

import bulletin
from bulletin import _bulletin

REPO = Path(__file__).resolve().parents[1]

MONTHS = {
    name: number
    for number, name in enumerate(
        "January February March April May June July August September "
        "October November December".split(),
        start=1,
    )
}
MONTH = "(?:" + "|".join(MONTHS) + ")"
HEADER = re.compile(
    r"(?m)^[ \t]*Publication:[ \t]*(.+?)(?:[ \t]+Volume:[ \t]*(\d+))?"
    r"(?:[ \t]+Issue:[ \t]*(\d+))?[ \t]*\r?$"
)
# The parentheticals that look like citations (the regex of the Rust
# comparator in benches/baselines/mod.rs).
CITATION = re.compile(
    rf"\((?:[^()]*?(?:{MONTH}\s+\d{{1,2}}|{MONTH},?\s+\d{{4}}|see [^()]*|"
    rf"https?://[^()\s]+)[^()]*|\d{{1,3}})\)"
)
DATE = re.compile(rf"({MONTH})\s+(\d{{1,2}})(?:\s*-\s*(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?")


def regex_extract(text):
    """Header fields, citation-like parentheticals and their dates."""
    header = None
    m = HEADER.search(text)
    if m:
        header = {
            "publication": m[1],
            "volume": int(m[2]) if m[2] else None,
            "issue": int(m[3]) if m[3] else None,
        }
    citations = []
    for c in CITATION.finditer(text):
        dates = [
            {
                "month": MONTHS[d[1]],
                "day": int(d[2]),
                "to_day": int(d[3]) if d[3] else None,
                "year": int(d[4]) if d[4] else None,
            }
            for d in DATE.finditer(c[0])
        ]
        citations.append({"raw": c[0], "start": c.start(), "end": c.end(), "dates": dates})
    return {"header": header, "citations": citations}


def corpus_dir():
    env = os.environ.get("BULLETIN_CORPUS")
    for path in ([Path(env)] if env else []) + [REPO.parent / "shared" / "corpus"]:
        if (path / "real").is_dir():
            return path
    return None


def read(path):
    return Path(path).read_bytes().decode("utf-8")


def inputs():
    found = {"sample": [read(REPO / "samples" / "monitor-sample.txt")]}
    corpus = corpus_dir()
    if corpus is None:
        print("note: no corpus (../shared/corpus or $BULLETIN_CORPUS): seed and corpus left out")
        return found
    found["seed"] = [read(corpus / "seed" / "monitor-v05-i173.txt")]
    found["corpus"] = [read(p) for p in sorted((corpus / "real").glob("*.txt"))]
    return found


def fresh(texts, repeat):
    """``repeat`` passes over ``texts``, each text a new str object."""
    return [[(t + "\n")[:-1] for t in texts] for _ in range(repeat)]


def time_python(fn, passes):
    start = time.perf_counter()
    for texts in passes:
        for text in texts:
            fn(text)
    return time.perf_counter() - start


def time_loads(loads, blobs, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        for blob in blobs:
            loads(blob)
    return time.perf_counter() - start


def objects(value):
    """How many Python objects a result holds."""
    if isinstance(value, dict):
        return 1 + sum(objects(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(objects(v) for v in value)
    return 1


def measure(name, texts, rounds, seconds):
    size = sum(len(t.encode()) for t in texts)
    parsed = [bulletin.parse_article(t, lenient=True) for t in texts]
    same = parsed == [_bulletin._parse_article_pythonize(t, lenient=True) for t in texts]
    if not same:
        print(f"warning: {name}: pythonize builds other dicts than parse_article")
    as_json = [json.dumps(a) for a in parsed]
    as_pickle = [pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL) for a in parsed]
    # Enough passes for each timing to take about `seconds` at ~150 MB/s.
    repeat = max(1, int(seconds * 150e6 / size))
    contenders = {
        "parse_article": lambda: time_python(
            lambda t: bulletin.parse_article(t, lenient=True), fresh(texts, repeat)
        ),
        "pythonize": lambda: time_python(
            lambda t: _bulletin._parse_article_pythonize(t, lenient=True),
            fresh(texts, repeat),
        ),
        "Rust": lambda: _bulletin._parse_only(texts, lenient=True, repeat=repeat)[0] / 1e9,
        "regex": lambda: time_python(regex_extract, fresh(texts, repeat)),
        "json.loads": lambda: time_loads(json.loads, as_json, repeat),
        "pickle.loads": lambda: time_loads(pickle.loads, as_pickle, repeat),
    }
    times = {k: [] for k in contenders}
    for _ in range(rounds):
        for key, run in contenders.items():
            gc.collect()
            times[key].append(run())
    mbps = {k: statistics.median(size * repeat / t / 1e6 for t in ts) for k, ts in times.items()}
    ratio = lambda a, b: statistics.median(x / y for x, y in zip(times[a], times[b]))  # noqa: E731
    return {
        "input": name,
        "articles": len(texts),
        "bytes": size,
        "objects": sum(objects(a) for a in parsed) / len(parsed),
        "mbps": mbps,
        "vs_rust": ratio("parse_article", "Rust"),
        "vs_regex": ratio("regex", "parse_article"),
        "pythonize_vs_rust": ratio("pythonize", "Rust"),
        "floor_vs_rust": ratio("pickle.loads", "Rust"),
        "per_article_us": {
            k: statistics.median(times[k]) / repeat / len(texts) * 1e6 for k in times
        },
    }


def workload(kind):
    corpus = corpus_dir()
    if corpus is None:
        print("no corpus (../shared/corpus or $BULLETIN_CORPUS)")
        return 1
    texts = [read(p) for p in sorted((corpus / "real").glob("*.txt"))]
    passes = fresh(texts, 10)
    if kind == "parse_article":
        for texts_of_pass in passes:
            for text in texts_of_pass:
                bulletin.parse_article(text, lenient=True)
    elif kind == "rust":
        _bulletin._parse_only(texts, lenient=True, repeat=10)
    else:
        # Copies the texts to Rust as `rust` does, and parses nothing.
        _bulletin._parse_only(texts, lenient=True, repeat=0)
    print(f"{kind}: {len(texts) * 10} articles")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds (default 7)")
    parser.add_argument(
        "--seconds", type=float, default=0.3, help="about how long one timing takes (0.3)"
    )
    parser.add_argument(
        "--workload",
        choices=["parse_article", "rust", "none"],
        help="only run ten passes over the corpus this way (for callgrind); "
        "`none` prepares the passes, copies the texts to Rust and stops: "
        "the baseline to subtract",
    )
    args = parser.parse_args()
    if args.workload:
        return workload(args.workload)
    print(
        f"bulletin {bulletin.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores; {args.rounds} rounds, "
        "medians; MB = 10^6 bytes"
    )
    results = [measure(n, t, args.rounds, args.seconds) for n, t in inputs().items()]

    print()
    print("| input | bytes | Rust | parse_article | pythonize | regex | json.loads | pickle.loads |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        m = r["mbps"]
        print(
            f"| {r['input']} | {r['bytes']} | {m['Rust']:.0f} MB/s | {m['parse_article']:.0f} MB/s "
            f"| {m['pythonize']:.0f} MB/s | {m['regex']:.0f} MB/s | {m['json.loads']:.0f} MB/s "
            f"| {m['pickle.loads']:.0f} MB/s |"
        )
    print()
    print(
        "| input | objects per article | parse_article speed / regex speed (target ≥ 10) "
        "| parse_article time / Rust time (target ≤ 3) | pythonize time / Rust time "
        "| pickle.loads time / Rust time |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['input']} | {r['objects']:.0f} | {r['vs_regex']:.1f}× | {r['vs_rust']:.2f}× "
            f"| {r['pythonize_vs_rust']:.2f}× | {r['floor_vs_rust']:.2f}× |"
        )
    print()
    print("| µs per article | " + " | ".join(results[0]["per_article_us"]) + " |")
    print("|---|" + "---:|" * len(results[0]["per_article_us"]))
    for r in results:
        cells = " | ".join(f"{v:.1f}" for v in r["per_article_us"].values())
        print(f"| {r['input']} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
