#!/usr/bin/env python3
"""Generate N synthetic people's-mediation cases (seeded, reproducible) in Wenshu's case vocabulary.

    python3 bench/generate_cases.py -n 1000 --seed 7 --format xml -o /tmp/cases

Case i depends only on (seed, i): the first N cases of a larger set are the N-case set. Files are named
c00001.xml, c00002.xml, … Standard library only.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wbench.casegen import make_case, problems  # noqa: E402
from wbench.serialize import WRITERS  # noqa: E402

COMMENT = "Synthetic case for the Wenshu benchmark (seed %s, case %d). Names and numbers are invented."


def case_file_name(index, fmt):
    return "c%05d.%s" % (index + 1, fmt)


def generate(count, seed, fmt, directory):
    """Write `count` cases into `directory`; return each case's (number, party names)."""
    os.makedirs(directory, exist_ok=True)
    write = WRITERS[fmt]
    cases = []
    for index in range(count):
        case = make_case(seed, index)
        found = problems(case)
        if found:
            raise AssertionError("case %d of seed %s: %s" % (index + 1, seed, "; ".join(found)))
        with open(os.path.join(directory, case_file_name(index, fmt)), "w", encoding="utf-8") as handle:
            handle.write(write(case, COMMENT % (seed, index + 1)))
        cases.append((case["number"], [p["name"] for p in case["parties"]]))
    return cases


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--count", type=int, default=100, help="number of cases (default 100)")
    parser.add_argument("--seed", default="wenshu", help="seed (any text; default 'wenshu')")
    parser.add_argument("--format", choices=sorted(WRITERS), default="xml", help="case file format (default xml)")
    parser.add_argument("-o", "--output", required=True, help="folder to write the cases into")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    start = time.perf_counter()
    generate(args.count, args.seed, args.format, args.output)
    print("generated %d %s cases in %s (%.2f s)" % (args.count, args.format, args.output, time.perf_counter() - start))


if __name__ == "__main__":
    main()
