"""Render a list of cases with one peer engine, in its own process (so its peak RSS is its own), and write
what it measured as JSON. Timed: from loading the template to the last file written, template loading and
compilation included; interpreter start-up and imports are not (this favours the peers).

    python -m wbench.peer_worker ENGINE TEMPLATE CASE_LIST OUTPUT_DIR RESULT_JSON
"""

import importlib.metadata
import json
import os
import sys
import time
import traceback

from . import caseload, peers


def main(engine, template, case_list, output_dir, result_path):
    with open(case_list, encoding="utf-8") as handle:
        cases = [line.strip() for line in handle if line.strip()]
    os.makedirs(output_dir, exist_ok=True)
    result = {"engine": engine, "python": sys.version.split()[0], "docs": 0}
    extension = peers.EXTENSIONS[engine]
    try:
        distribution = peers.DISTRIBUTIONS[engine]
        result["version"] = "%s %s" % (distribution, importlib.metadata.version(distribution)) if distribution \
            else "standard library"
        __import__(peers.IMPORTS[engine])
        start = time.perf_counter()
        render = peers.prepare(engine, template)
        prepared = time.perf_counter()
        load_seconds = 0.0
        for path in cases:
            before = time.perf_counter()
            context = caseload.load(path)
            load_seconds += time.perf_counter() - before
            stem = os.path.splitext(os.path.basename(path))[0]
            render(context, os.path.join(output_dir, "%s.%s" % (stem, extension)))
            result["docs"] += 1
        end = time.perf_counter()
        result.update(seconds=end - start, prepare_seconds=prepared - start, load_seconds=load_seconds,
                      render_seconds=end - prepared - load_seconds)
    except Exception as error:  # a peer that cannot run is reported, not fatal to the benchmark
        result["error"] = "%s: %s" % (type(error).__name__, str(error).strip().splitlines()[0] if str(error).strip() else "")
        result["traceback"] = traceback.format_exc()
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    main(*sys.argv[1:])
