#!/usr/bin/env python3
"""Issue 16's budget for `dipsearch serve` on a large index, from outside.

    python3 benches/serve-load.py BINARY INDEX [--clients 50] [--seconds 30]

Starts `BINARY --index INDEX serve --port 0` on 127.0.0.1 (and nowhere
else), then:

1. server time of the search page: each query of benches/queries.txt (the
   criterion query set, with its country filter) requested 21 times one
   after another; the time is the server's own (`Server-Timing: page;dur=`),
   which leaves out the client and the loopback; per-query medians and the
   p95 over all requests;
2. load: CLIENTS threads for SECONDS, each requesting search pages (the
   same queries, pages 1-3, some with a facet) and paragraph pages of the
   hits in turn; every answer must be 200 with a body; the server's
   resident memory is read from /proc every second.

Stops the server and exits by itself; exit status 1 when a request failed.
Uses only the Python standard library.
"""

import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse


def queries(root):
    out = []
    for line in open(os.path.join(root, "benches", "queries.txt"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        params = {"q": cols[1]}
        if len(cols) > 2 and cols[2] not in ("", "-"):
            params["country"] = cols[2]
        out.append((cols[0], params))
    return out


def get(port, path):
    """(status, body, server ms) of one GET."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        timing = r.getheader("Server-Timing") or ""
        m = re.search(r"dur=([0-9.]+)", timing)
        return r.status, body, float(m.group(1)) if m else None
    finally:
        conn.close()


def rss_kib(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p * (len(v) - 1))))] if v else float("nan")


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    binary, index = args[0], args[1]
    clients = int(args[args.index("--clients") + 1]) if "--clients" in args else 50
    seconds = float(args[args.index("--seconds") + 1]) if "--seconds" in args else 30.0
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    server = subprocess.Popen(
        [binary, "--index", index, "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = server.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            sys.exit(f"serve did not start: {line!r}")
        port = int(m.group(1))
        qs = queries(root)
        print(f"serve on port {port}, index {index}, {len(qs)} queries")

        # 1. server time, one request at a time
        times, per_query = [], []
        for name, params in qs:
            path = "/search?" + urllib.parse.urlencode(params)
            got = []
            for _ in range(21):
                status, _, ms = get(port, path)
                if status != 200 or ms is None:
                    sys.exit(f"{path}: status {status}")
                got.append(ms)
            times.extend(got)
            per_query.append((name, percentile(got, 0.5), percentile(got, 0.95)))
        print("search page, server time (ms), 21 requests each:")
        for name, p50, p95 in per_query:
            print(f"  {name:28} p50 {p50:7.2f}  p95 {p95:7.2f}")
        print(f"  all {len(times)} requests: p50 {percentile(times, 0.5):.2f} ms, "
              f"p95 {percentile(times, 0.95):.2f} ms, max {max(times):.2f} ms")

        # hits to open as paragraph pages
        ids = []
        for _, params in qs:
            _, body, _ = get(port, "/search.json?" + urllib.parse.urlencode(params))
            ids += [h["id"] for h in json.loads(body)["hits"][:3]]
        paths = []
        for _, params in qs:
            for offset in (0, 10, 20):
                paths.append("/search?" + urllib.parse.urlencode({**params, "offset": offset}))
            paths.append("/search?" + urllib.parse.urlencode({**params, "topic": "disarmament"}))
        paths += ["/p/" + urllib.parse.quote(i, safe="") for i in ids]

        # 2. load
        stop = time.monotonic() + seconds
        lock = threading.Lock()
        counts = {"ok": 0, "failed": 0}
        failures = []
        load_times = []

        def client(seed):
            rnd = random.Random(seed)
            while time.monotonic() < stop:
                path = rnd.choice(paths)
                try:
                    status, body, ms = get(port, path)
                    good = status == 200 and body
                except OSError as e:
                    good, status, ms = False, str(e), None
                with lock:
                    if good:
                        counts["ok"] += 1
                        if ms is not None:
                            load_times.append(ms)
                    else:
                        counts["failed"] += 1
                        failures.append(f"{path}: {status}")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        memory = [rss_kib(server.pid)]
        for t in threads:
            t.start()
        while time.monotonic() < stop:
            time.sleep(1)
            memory.append(rss_kib(server.pid))
        for t in threads:
            t.join()
        memory.append(rss_kib(server.pid))
        mib = [m / 1024 for m in memory if m]
        third = max(1, len(mib) // 3)
        print(f"load: {clients} clients for {seconds:.0f} s: {counts['ok']} answers "
              f"({counts['ok'] / seconds:.0f}/s), {counts['failed']} failed; "
              f"server time under load p50 {percentile(load_times, 0.5):.1f} ms, "
              f"p95 {percentile(load_times, 0.95):.1f} ms")
        print(f"server memory (RSS): before {mib[0]:.0f} MiB, max of the first third "
              f"{max(mib[:third]):.0f} MiB, max of the last third {max(mib[-third:]):.0f} MiB, "
              f"after {mib[-1]:.0f} MiB")
        for f in failures[:10]:
            print("  failed:", f)
        return 1 if counts["failed"] else 0
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
