"""Run a child process and measure it alone: wall time and its own peak RSS.

Peak RSS comes from GNU time (`/usr/bin/time -f %M`) when it is installed, otherwise from os.wait4. Why
not simply wait4: Linux keeps the larger of the old and the new address space's high-water mark across
exec, so a child forked from this Python process reports at least the harness's own RSS. GNU time is a
~2 MiB process that forks the child itself, so its reading is the child's own peak."""

import os
import shutil
import subprocess
import tempfile
import time

GNU_TIME = shutil.which("time", path="/usr/bin:/bin")
RSS_METHOD = "GNU time" if GNU_TIME else "wait4 (at least the harness's own RSS: install GNU time)"


def run(argv, cwd=None, stdout_path=os.devnull, stderr_path=os.devnull, timeout=None):
    """(return code, seconds, peak RSS in KiB or None). A time-out kills the child; the code is then None."""
    rss_file = None
    if GNU_TIME:
        handle, rss_file = tempfile.mkstemp(prefix="wenshu-bench-rss-")
        os.close(handle)
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file] + list(argv)
    try:
        with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
            start = time.perf_counter()
            child = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
            code, usage = _wait(child, None if timeout is None else start + timeout)
            seconds = time.perf_counter() - start
        if code is None:
            return None, seconds, None
        if rss_file:
            with open(rss_file, encoding="utf-8") as handle:
                digits = [line.strip() for line in handle if line.strip().isdigit()]
            return code, seconds, int(digits[-1]) if digits else None
        return code, seconds, usage.ru_maxrss
    finally:
        if rss_file:
            os.unlink(rss_file)


def _wait(child, deadline):
    while True:
        pid, status, usage = os.wait4(child.pid, 0 if deadline is None else os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage
        if time.perf_counter() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            child.returncode = -9
            return None, None
        time.sleep(0.005)


def tail(path, lines=2):
    """The last lines of a log, preferring lines that say `error`."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = [line.strip() for line in handle if line.strip()]
    except OSError:
        return ""
    errors = [line for line in text if "error" in line.lower()]
    return " | ".join(line if len(line) <= 160 else line[:157] + "…" for line in (errors or text)[-lines:])
