"""The Wenshu side: build the release binary and time

    .build/release/wenshu render --form agreement --to FORMAT --jobs N -o DIR CASE…

over the generated cases, one process per measurement, with its peak RSS. When a step fails the reason is
returned and the benchmark carries on without Wenshu."""

import glob
import os
import shutil

from . import process


class Unavailable(Exception):
    pass


def build(repo, log_path):
    """Path of the release binary; raises Unavailable with the reason."""
    if shutil.which("swift") is None:
        raise Unavailable("swift not on PATH")
    # The Swift runtime and Foundation linked in, as a release is shipped: the dynamic loader's symbol lookups
    # were an eighth of a one-case run (docs/development.md). Only the `wenshu` product: the test support
    # target imports XCTest, which has no static library.
    command = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "wenshu"]
    code, seconds, _ = process.run(command, cwd=repo, stdout_path=log_path, stderr_path=log_path, timeout=3600)
    if code != 0:
        raise Unavailable("%s failed: %s (log: %s)" % (" ".join(command), process.tail(log_path, 2), log_path))
    return os.path.join(repo, ".build", "release", "wenshu")


def check_render(binary, log_path):
    """Raises Unavailable unless `wenshu render --help` works."""
    if not os.access(binary, os.X_OK):
        raise Unavailable("no binary at %s" % binary)
    code, _, _ = process.run([binary, "render", "--help"], stdout_path=log_path, stderr_path=log_path, timeout=60)
    if code != 0:
        raise Unavailable("`wenshu render --help` exited %s: %s" % (code, process.tail(log_path, 2)))


def render(binary, cases_dir, case_names, fmt, jobs, output_dir, log_path, timeout=3600):
    """Time one render of `case_names` (relative to cases_dir). Returns dict(seconds, rss_kib, outputs) or
    raises Unavailable with the reason."""
    shutil.rmtree(output_dir, ignore_errors=True)
    argv = [binary, "render", "--form", "agreement", "--to", fmt]
    if jobs:
        argv += ["--jobs", str(jobs)]
    argv += ["-o", output_dir] + list(case_names)
    code, seconds, rss = process.run(argv, cwd=cases_dir, stdout_path=log_path, stderr_path=log_path,
                                     timeout=timeout)
    if code != 0:
        raise Unavailable("`wenshu render --to %s%s` exited %s: %s" % (
            fmt, " --jobs %d" % jobs if jobs else "", code, process.tail(log_path, 2)))
    outputs = sorted(glob.glob(os.path.join(output_dir, "**", "*.%s" % fmt), recursive=True))
    return {"seconds": seconds, "rss_kib": rss, "outputs": outputs}


def one_case(binary, cases_dir, case_name, output_dir, log_path, timeout=120):
    """Seconds of one `wenshu render --form agreement -o DIR CASE` (its default format, .odt), a fresh process,
    from its start to its exit as the caller sees it: timed around the process itself, not through GNU time,
    whose own start would be counted. Raises Unavailable with the reason."""
    import subprocess
    import time
    argv = [binary, "render", "--form", "agreement", "-o", output_dir, case_name]
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        try:
            code = subprocess.run(argv, cwd=cases_dir, stdout=log, stderr=log, stdin=subprocess.DEVNULL,
                                  timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            code = "a time-out"
        seconds = time.perf_counter() - start
    if code != 0:
        raise Unavailable("`wenshu render --form agreement -o DIR %s` exited %s: %s" % (
            case_name, code, process.tail(log_path, 2)))
    return seconds


def describe(repo, binary):
    """'<commit>[+changes]' when the binary is the repository's own build, else the binary's name."""
    import subprocess
    if not os.path.abspath(binary).startswith(os.path.join(os.path.abspath(repo), ".build")):
        return os.path.basename(binary)
    try:
        commit = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--", "Sources", "templates"],
                               capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "release build"
    return "release %s%s" % (commit, "+changes" if dirty else "")


def safe_name(case_number):
    """docs/guide.md: a case number made safe as a folder name."""
    out = []
    for ch in case_number:
        out.append("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 or ch == "\x7f" else ch)
    name = "".join(out)
    return "_" + name[1:] if name.startswith(".") else name
