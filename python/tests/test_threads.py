"""The GIL is released while Rust parses: other threads run meanwhile.

Wall-clock speed-ups are no test on a shared 2-core machine, so this one
counts progress instead. With a very long switch interval, a thread that
holds the GIL keeps it until it blocks or releases it. The main thread
waits for a worker to be about to parse a large text; if parsing held the
GIL, the main thread could run again only once the worker's call returned,
and it would count nothing while the worker is alive. It counts its own
loop iterations (each parsing a small article) until the worker is done.
"""

import sys
import threading
import time

import bulletin

SMALL = "Publication: Monitor Volume: 6 Issue: 41\n\nThe talks resume (Interfax, March 3).\n"


def large_text(megabytes):
    # One long paragraph: slow enough to parse (tens of milliseconds per
    # 10 MB), a small tree, so that building the dict (which needs the GIL)
    # is short beside the parse.
    sentence = "Officials in Tbilisi confirmed that the talks resume next week. "
    return "Publication: Monitor Volume: 6 Issue: 41\n\n" + sentence * (
        megabytes * 1_000_000 // len(sentence)
    )


def main_thread_iterations_during_parse(text):
    """How many small parses the main thread made while a worker thread
    was inside ``parse_article(text)``, and how long that call took."""
    about_to_parse = threading.Event()
    result = {}

    def worker():
        about_to_parse.set()
        start = time.perf_counter()
        result["article"] = bulletin.parse_article(text)
        result["seconds"] = time.perf_counter() - start

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        about_to_parse.wait()
        iterations = 0
        while thread.is_alive():
            assert bulletin.parse_article(SMALL)["header"]["issue"] == 41
            iterations += 1
            if iterations % 64 == 0:
                # Blocks for a moment, releasing the GIL, so that the worker
                # can take it back to build its dict.
                time.sleep(0.0001)
        thread.join()
    finally:
        sys.setswitchinterval(old)
    assert len(result["article"]["body"]) == 1
    return iterations, result["seconds"]


def test_main_thread_runs_while_a_thread_parses():
    text = large_text(40)
    # Held, the GIL would give the main thread no iteration at all, every
    # time; a machine too busy to schedule it during one parse gets two
    # more tries.
    for _ in range(3):
        iterations, seconds = main_thread_iterations_during_parse(text)
        print(f"{iterations} iterations during a {seconds:.3f} s parse")
        if iterations > 0:
            break
    assert iterations > 0, f"the main thread did not run during a {seconds:.2f} s parse"


def test_threads_parse_the_same_as_one():
    texts = [SMALL.replace("41", str(n)) for n in range(1, 201)]
    expected = [bulletin.parse_article(t) for t in texts]
    results = [None] * len(texts)

    def work(start):
        for i in range(start, len(texts), 4):
            results[i] = bulletin.parse_article(texts[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected
