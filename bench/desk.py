#!/usr/bin/env python3
"""Timings of the mediator's desk (issue 17), over HTTP on this machine, standard library only.

Usage: bench/desk.py PATH-TO-wenshu [--repeat N]

Starts `wenshu serve examples/cases --port 0` (use a release build: swift build -c release), then times
  - a check round-trip: POST /case/traffic-instalments.xml/check with the whole form, as the page's
    script sends it while the clerk types (target: under 50 ms);
  - an agreement's .odt: GET /case/traffic-instalments.xml/paper/agreement/odt (target: under 200 ms);
  - the year's statistics table: GET /report/statistics/odt (the 15 example cases read, checked, counted).
Prints the best and the median of N runs of each.
"""
import argparse
import html as htmllib
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("wenshu")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    server = subprocess.Popen([os.path.abspath(args.wenshu), "serve", "examples/cases", "--port", "0"], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port)
        conn.request("GET", "/case/traffic-instalments.xml")
        response = conn.getresponse()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        html = response.read().decode("utf-8")
        csrf = re.search(r'name="_csrf" value="([0-9a-f]+)"', html).group(1)
        # The form as the browser posts it: every named input, text area and selection, in page order.
        html = re.sub(r"<template>.*?</template>", "", html, flags=re.S)  # the blank items "add" copies
        pairs = []
        for m in re.finditer(r'<input[^>]*\bname="([^"]+)"[^>]*?value="([^"]*)"|<textarea name="([^"]+)"[^>]*>(.*?)</textarea>'
                             r'|<select name="([^"]+)">(.*?)</select>', html, flags=re.S):
            if m.group(1):
                pairs.append((m.group(1), htmllib.unescape(m.group(2))))
            elif m.group(3):
                pairs.append((m.group(3), htmllib.unescape(m.group(4))))
            else:
                chosen = re.search(r'<option value="([^"]*)" selected>', m.group(6))
                pairs.append((m.group(5), htmllib.unescape(chosen.group(1)) if chosen else ""))
        body = urllib.parse.urlencode(pairs)
        headers = {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded"}

        # The page as posted unchanged checks clean, as `wenshu check` finds the file: the form is complete.
        conn.request("POST", "/case/traffic-instalments.xml/check", body=body, headers=headers)
        verdict = json.loads(conn.getresponse().read())
        assert verdict["errors"] == 0 and verdict["warnings"] == 0, verdict

        def timed(method, path, body=None):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                times.append((time.perf_counter() - start) * 1000)
                assert r.status == 200, (r.status, data[:200])
            return times

        for label, method, path, payload, target in [
            ("check round-trip", "POST", "/case/traffic-instalments.xml/check", body, 50),
            ("agreement .odt", "GET", "/case/traffic-instalments.xml/paper/agreement/odt", None, 200),
            # The whole folder read, checked and counted for the period (no target in the issue).
            ("statistics .odt", "GET", "/report/statistics/odt?since=2026-01-01&until=2026-12-31", None, None),
        ]:
            times = timed(method, path, payload)
            print(f"{label:18} best {min(times):7.2f} ms  median {statistics.median(times):7.2f} ms  "
                  + (f"(target < {target} ms, " if target else "(") + f"{args.repeat} runs, form {len(body)} bytes)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
