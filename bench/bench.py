#!/usr/bin/env python3
"""The Wenshu benchmark (issue 7). Run it through `bench/run`, which first creates the peers' virtual
environments; see bench/README.md. Standard library only: the peers run in their own processes."""

import argparse
import glob
import json
import os
import platform
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate_cases  # noqa: E402
import make_templates  # noqa: E402
from wbench.casegen import make_case  # noqa: E402
from wbench import caseload, floor, peers, process, reference, report, sanity, wenshu  # noqa: E402

REPO = os.path.dirname(HERE)
VENV_ROOT = os.path.join(HERE, ".venv")
WENSHU_FORMATS = ("odt", "fodt", "txt")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--peer-cases", type=int, default=200, help="cases each peer renders (default 200)")
    parser.add_argument("--wenshu-cases", default="1000,10000",
                        help="comma-separated batch sizes for Wenshu (default 1000,10000)")
    parser.add_argument("--peers", default=",".join(peers.ENGINES),
                        help="peers to run (default: %s); empty for none" % ",".join(peers.ENGINES))
    parser.add_argument("--no-wenshu", action="store_true", help="skip the Wenshu side")
    parser.add_argument("--wenshu", metavar="BINARY", help="use this wenshu binary instead of building one")
    parser.add_argument("--no-build", action="store_true", help="use .build/release/wenshu as it is")
    parser.add_argument("--case-format", choices=("xml", "yaml", "json"), default="xml",
                        help="format of the generated case files (default xml)")
    parser.add_argument("--seed", default="wenshu", help="case generator seed (default 'wenshu')")
    parser.add_argument("--templates", choices=("handmade", "libreoffice"), default="handmade",
                        help="peers' ODT templates as written by make_templates.py (default), or re-saved by "
                             "LibreOffice as a template made in Writer would be")
    parser.add_argument("--repeat", type=int, default=1, help="time each run this many times, keep the best")
    parser.add_argument("--floor-seconds", type=float, default=1.0, help="minimum time per floor measurement")
    parser.add_argument("--name", default="bench", help="results/NAME.csv, NAME.svg, NAME.txt, NAME.json")
    parser.add_argument("--keep-outputs", action="store_true", help="keep Wenshu's outputs in results/work/out")
    args = parser.parse_args(argv)
    args.peer_list = [p for p in args.peers.split(",") if p]
    unknown = set(args.peer_list) - set(peers.ENGINES)
    if unknown:
        parser.error("unknown peer(s): %s" % ", ".join(sorted(unknown)))
    args.sizes = sorted({int(n) for n in args.wenshu_cases.split(",") if n})
    return args


class Run:
    def __init__(self, args):
        self.args = args
        self.results = os.path.join(HERE, "results")
        self.work = os.path.join(self.results, "work")
        self.cores = os.cpu_count() or 1
        self.rows = []
        self.details = {"peers": {}, "wenshu": {}, "floors": {}}
        self.log_lines = []
        self.odf_schema = sanity.find_odf_schema(REPO)

    def say(self, text=""):
        print(text, flush=True)
        self.log_lines.append(text)

    # --- inputs --------------------------------------------------------------------------------
    def prepare(self):
        a = self.args
        count = max([a.peer_cases if a.peer_list else 1] + ([] if a.no_wenshu else a.sizes))
        self.cases_dir = os.path.join(self.work, "cases-%s" % a.case_format)
        shutil.rmtree(self.cases_dir, ignore_errors=True)
        start = time.perf_counter()
        summaries = generate_cases.generate(count, a.seed, a.case_format, self.cases_dir)
        self.numbers = [number for number, _ in summaries]
        self.party_names = [names for _, names in summaries]
        self.case_files = [generate_cases.case_file_name(i, a.case_format) for i in range(count)]
        self.say("cases: %d %s cases (seed %r) in %s, generated in %.1f s" % (
            count, a.case_format, a.seed, self.cases_dir, time.perf_counter() - start))
        self.templates = make_templates.build(os.path.join(self.work, "templates"))
        if a.templates == "libreoffice":
            make_templates.resave_with_libreoffice(self.templates.values())
        self.say("templates: %s" % ", ".join("%s %d B" % (os.path.basename(p), os.path.getsize(p))
                                              for p in self.templates.values()))

    def names(self, index):
        return self.party_names[index]

    # --- peers ---------------------------------------------------------------------------------
    def run_peers(self):
        count = self.args.peer_cases
        listing = os.path.join(self.work, "peer-cases.txt")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.writelines(os.path.join(self.cases_dir, f) + "\n" for f in self.case_files[:count])
        for engine in self.args.peer_list:
            self.run_peer(engine, listing, count)

    def run_peer(self, engine, listing, count):
        python = os.path.join(VENV_ROOT, peers.VENVS[engine], "bin", "python")
        fmt = peers.EXTENSIONS[engine]
        if not os.access(python, os.X_OK):
            return self.peer_unavailable(engine, "no virtual environment at %s (run bench/run)" % os.path.dirname(
                os.path.dirname(python)))
        best = None
        for attempt in range(self.args.repeat):
            out = os.path.join(self.work, "out", engine)
            shutil.rmtree(out, ignore_errors=True)
            result_path = os.path.join(self.work, "%s.json" % engine)
            log = os.path.join(self.work, "%s.log" % engine)
            if os.path.exists(result_path):
                os.remove(result_path)
            code, wall, rss = process.run([python, "-W", "ignore", "-m", "wbench.peer_worker", engine,
                                           self.templates[engine], listing, out, result_path],
                                          cwd=HERE, stdout_path=log, stderr_path=log, timeout=7200)
            try:
                with open(result_path, encoding="utf-8") as handle:
                    result = json.load(handle)
            except (OSError, ValueError):
                return self.peer_unavailable(engine, "worker exited %s: %s" % (code, process.tail(log, 2)))
            if "error" in result:
                self.details["peers"][engine] = result
                return self.peer_unavailable(engine, result["error"])
            result.update(wall_seconds=wall, rss_kib=rss)
            if best is None or result["seconds"] < best["seconds"]:
                best = result
        problems, notes = self.check_peer(engine, fmt, out, count)
        notes += self.schema_note(os.path.join(out, "%s.%s" % (os.path.splitext(self.case_files[0])[0], fmt)), fmt)
        self.details["peers"][engine] = best
        self.rows.append({
            "engine": engine, "version": "%s (Python %s)" % (best["version"], best["python"]), "format": fmt,
            "cases": count, "jobs": 1, "docs": best["docs"], "seconds": best["seconds"],
            "docs_per_s": best["docs"] / best["seconds"],
            "engine_docs_per_s": best["docs"] / best["render_seconds"],
            "load_ms_per_doc": 1000 * best["load_seconds"] / best["docs"],
            "peak_rss_mib": mib(best["rss_kib"]),
            "sanity": "ok (%d = reference)" % count if not problems else "%d problem(s): %s" % (len(problems), problems[0]),
            "notes": "; ".join(sorted(set(notes))),
        })
        self.say("%-10s %8.1f docs/s  (%d cases, %.2f s, peak RSS %.0f MiB, sanity: %s)" % (
            engine, self.rows[-1]["docs_per_s"], count, best["seconds"], mib(best["rss_kib"]) or 0, self.rows[-1]["sanity"]))

    def schema_note(self, path, fmt):
        """A note on the ODF 1.3 validity of one output (the first of each run)."""
        problems = sanity.schema_problems(path, fmt, self.odf_schema)
        if problems is None:
            return []
        return ["ODF 1.3 schema: valid" if not problems else "ODF 1.3 schema: " + "; ".join(problems)]

    def check_peer(self, engine, fmt, out, count):
        problems, notes = [], []
        for index in range(count):
            context = caseload.from_mapping(make_case(self.args.seed, index))
            path = os.path.join(out, "%s.%s" % (os.path.splitext(self.case_files[index])[0], fmt))
            found, noted = sanity.check(path, fmt, self.names(index), reference.paragraphs(context))
            problems += ["%s: %s" % (os.path.basename(path), p) for p in found]
            notes += noted
        return problems, notes

    def peer_unavailable(self, engine, reason):
        self.say("%-10s not available (%s)" % (engine, reason))
        self.rows.append({"engine": engine, "format": peers.EXTENSIONS[engine], "sanity": "not run",
                          "notes": reason})

    # --- Wenshu --------------------------------------------------------------------------------
    def run_wenshu(self):
        log = os.path.join(self.results, "wenshu-build.log")
        try:
            if self.args.wenshu:
                binary = os.path.abspath(self.args.wenshu)
            elif self.args.no_build:
                binary = os.path.join(REPO, ".build", "release", "wenshu")
            else:
                self.say("wenshu: swift build -c release …")
                binary = wenshu.build(REPO, log)
            wenshu.check_render(binary, os.path.join(self.work, "wenshu-help.log"))
        except wenshu.Unavailable as reason:
            return self.wenshu_unavailable(str(reason))
        self.wenshu_version = wenshu.describe(REPO, binary)
        self.floor_source = None
        self.schema_checked = set()
        # Outputs are deleted only after everything is measured (remove_outputs): ext4 skips inodes freed
        # in the last minutes when it allocates new ones (reading inode tables to tell), so deleting 10,000
        # folders right before a run makes that run pay for the deletion, by seconds that vary run to run.
        for out in glob.glob(os.path.join(self.work, "out", "wenshu-*")):  # an interrupted run's
            shutil.rmtree(out, ignore_errors=True)
        self.stale_outputs = []
        for size in self.args.sizes:
            worked = False
            for fmt in WENSHU_FORMATS:
                for jobs in sorted({1, min(2, self.cores), self.cores}):
                    worked |= self.run_wenshu_once(binary, size, fmt, jobs)
            if not worked:
                self.say("wenshu: no run worked at %d cases; skipping larger batches" % size)
                break

    def run_wenshu_once(self, binary, size, fmt, jobs):
        log = os.path.join(self.work, "wenshu-%s-%d-j%d.log" % (fmt, size, jobs))
        best = None
        for attempt in range(self.args.repeat):
            # A fresh folder per attempt (see run_wenshu on why nothing is deleted in between).
            out = os.path.join(self.work, "out", "wenshu-%s-%d-j%d-%d" % (fmt, size, jobs, attempt + 1))
            try:
                result = wenshu.render(binary, self.cases_dir, self.case_files[:size], fmt, jobs, out, log)
            except wenshu.Unavailable as reason:
                self.wenshu_unavailable(str(reason), fmt=fmt, size=size, jobs=jobs)
                return False
            if best is None or result["seconds"] < best["seconds"]:
                best = result
            self.stale_outputs.append(out)
        problems, notes = self.check_wenshu(best["outputs"], fmt, size)
        if best["outputs"] and (fmt, jobs) not in self.schema_checked:
            self.schema_checked.add((fmt, jobs))
            notes += self.schema_note(best["outputs"][0], fmt)
        self.rows.append({
            "engine": "wenshu", "version": self.wenshu_version, "format": fmt, "cases": size, "jobs": jobs,
            "docs": len(best["outputs"]), "seconds": best["seconds"], "docs_per_s": size / best["seconds"],
            "peak_rss_mib": mib(best["rss_kib"]),
            "sanity": "ok (%d checked)" % min(size, 50) if not problems else "%d problem(s): %s" % (len(problems), problems[0]),
            "notes": "; ".join(sorted(set(notes))),
        })
        self.say("wenshu %-4s ×%d %8.1f docs/s  (%d cases, %.2f s, peak RSS %.0f MiB, sanity: %s)" % (
            fmt, jobs, size / best["seconds"], size, best["seconds"], mib(best["rss_kib"]) or 0, self.rows[-1]["sanity"]))
        if fmt == "odt" and jobs == 1 and self.floor_source is None and not problems:
            self.floor_source = best["outputs"]
        return True

    def remove_outputs(self):
        """Deletes Wenshu's outputs once everything is measured (unless --keep-outputs), so that the next
        benchmark starts on a file system with no freshly freed inodes."""
        if not self.args.keep_outputs:
            for out in getattr(self, "stale_outputs", []):
                shutil.rmtree(out, ignore_errors=True)

    def check_wenshu(self, outputs, fmt, size):
        problems, notes = [], []
        if len(outputs) != size:
            problems.append("%d documents for %d cases" % (len(outputs), size))
        by_folder = {wenshu.safe_name(self.numbers[i]): i for i in range(size)}
        step = max(1, len(outputs) // 50)
        for path in outputs[::step][:50]:
            index = by_folder.get(os.path.basename(os.path.dirname(path)))
            if index is None:
                notes.append("output folder not named after a case number")
                names = []
            else:
                names = self.names(index)
            found, noted = sanity.check(path, fmt, names)
            problems += ["%s: %s" % (os.path.relpath(path, os.path.dirname(os.path.dirname(path))), p) for p in found]
            notes += noted
        return problems, notes

    def wenshu_unavailable(self, reason, fmt=None, size=None, jobs=None):
        self.say("wenshu: not available yet (%s)" % reason)
        self.rows.append({"engine": "wenshu", "format": fmt, "cases": size, "jobs": jobs, "sanity": "not run",
                          "notes": reason})

    # --- floors --------------------------------------------------------------------------------
    def run_floors(self):
        sources = []
        if getattr(self, "floor_source", None):
            sources.append(("wenshu odt", self.floor_source))
        for engine in self.args.peer_list:
            if peers.EXTENSIONS[engine] == "odt" and any(r["engine"] == engine and r.get("docs_per_s") for r in self.rows):
                out = os.path.join(self.work, "out", engine)
                sources.append(("%s odt" % engine, sorted(os.path.join(out, f) for f in os.listdir(out))))
        if not sources:
            self.say("floor: no ODT output to measure")
        for label, paths in sources:
            measured = floor.measure(paths, min_seconds=self.args.floor_seconds)
            self.details["floors"][label] = measured
            sizes = ", ".join("%s %d B" % (n, b) for n, b in measured["mean_part_bytes"].items())
            for kind in ("all", "changing"):
                self.rows.append({
                    "engine": "floor-" + kind, "version": "on " + label, "format": "odt",
                    "cases": measured["documents"], "jobs": 1, "docs": measured["documents"],
                    "docs_per_s": measured["%s_docs_per_s" % kind],
                    "notes": "static parts: %s; mean sizes: %s" % (", ".join(measured["static_parts"]) or "none", sizes),
                })
            self.say("floor on %-14s all parts %8.1f docs/s, changing parts only %8.1f docs/s (static: %s)" % (
                label, measured["all_docs_per_s"], measured["changing_docs_per_s"],
                ", ".join(measured["static_parts"]) or "none"))

    # --- report --------------------------------------------------------------------------------
    def write_report(self):
        name = self.args.name
        os.makedirs(self.results, exist_ok=True)
        paths = {ext: os.path.join(self.results, "%s.%s" % (name, ext)) for ext in ("csv", "svg", "txt", "json")}
        ratio_cases = self.args.sizes[0] if self.args.sizes else None
        scale_cases = self.args.sizes[-1] if self.args.sizes else None
        report.add_ratios(self.rows, ratio_cases)
        report.write_csv(paths["csv"], self.rows)
        self.say()
        self.say(report.table(self.rows))
        self.say()
        self.say("Targets (issue 7, as amended):")
        for line in report.targets(self.rows, ratio_cases, scale_cases, self.cores):
            self.say("  " + line)
        title = "Wenshu benchmark: the mediation agreement, %s cases, %d cores" % (self.args.case_format, self.cores)
        with open(paths["svg"], "w", encoding="utf-8") as handle:
            handle.write(report.svg_chart([r for r in self.rows if r.get("docs_per_s")], title))
        with open(paths["json"], "w", encoding="utf-8") as handle:
            json.dump({"rows": self.rows, "details": self.details}, handle, ensure_ascii=False, indent=1, default=str)
        self.say()
        self.say("results: %s (also .svg, .txt, .json)" % paths["csv"])
        with open(paths["txt"], "w", encoding="utf-8") as handle:
            handle.write("\n".join(self.log_lines) + "\n")


def main(argv=None):
    args = parse_args(argv)
    run = Run(args)
    run.say("Wenshu benchmark — %s, Python %s, %d cores (%s); peak RSS by %s" % (
        platform.platform(terse=True), platform.python_version(), run.cores, _cpu_model(), process.RSS_METHOD))
    run.prepare()
    if args.peer_list:
        run.run_peers()
    if not args.no_wenshu:
        run.run_wenshu()
    run.run_floors()
    run.remove_outputs()
    run.write_report()


def mib(kib):
    return None if kib is None else kib / 1024


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
