#!/usr/bin/env python3
"""Measures P1-P6 and GAP of docs/performance.md: Redline vs AIPerf vs wrk against one built-in mock server.

Called by run-benchmarks.sh (which builds and installs); usable on its own:
  python3 bench.py --jar redline.jar --out DIR [--aiperf PATH] [--smoke] [--only P1,P3] [--repo DIR]
Sizes come from environment variables (defaults = the full run; --smoke = tiny):
  P1_CONCURRENCY P1_REQUESTS P1_WARMUP P1_AIPERF_REQUESTS P1_WRK_SECONDS   request ceiling, non-streaming
  P2_STREAMS P2_REQUESTS P2_WARMUP P2_OSL P2_RAMP_SECONDS P2_MODES  accuracy at TTFT 50 ms / ITL 10 ms
  P3_RATES P3_SECONDS                                             schedule fidelity (comma-separated rates)
  P4_COUNTS P4_XMX                                                memory after N requests (comma-separated)
  P5_LEVELS P5_ITL_MS P5_OSL P5_SLACK_MS P5_RAMP_SECONDS          concurrent streams (comma-separated levels)
  GAP_CELLS GAP_REQUESTS                                          sweep inter-cell gap (comma-separated concurrencies)
  BENCH_MODES (pinned,unpinned) BENCH_MOCK_CORE (1) BENCH_CLIENT_CORE (0)
Pinned: the mock runs on one core and the tool under test on the other (taskset), for every tool alike, so
the shared box does not decide the result; unpinned: both float over every core. P6 (the operator on the real
control plane) runs the Maven benchmark OperatorScaleBench (--repo, only with --only P6).
Everything goes to 127.0.0.1 only. Every figure is stored with the load average around it.
"""
import argparse
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile

HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "18431"))
URL = f"http://{HOST}:{PORT}"

# Redline's warm-ups are long enough for the JIT (C2) to finish: a cold JVM measures its compiler, not its
# steady state (and warms the mock for the tools that follow it).
FULL = dict(P1_CONCURRENCY="64", P1_REQUESTS="200000", P1_WARMUP="100000", P1_AIPERF_REQUESTS="5000", P1_WRK_SECONDS="10",
            P2_STREAMS="1000", P2_REQUESTS="10000", P2_WARMUP="10000", P2_OSL="32", P2_RAMP_SECONDS="", P2_MODES="pinned,unpinned",
            P3_RATES="500,2000,5000", P3_SECONDS="10",
            P4_COUNTS="1000000,10000000", P4_XMX="256m",
            P5_LEVELS="1000,2000,5000,10000", P5_ITL_MS="100", P5_OSL="20", P5_SLACK_MS="5", P5_RAMP_SECONDS="2",
            GAP_CELLS="4,8,16,32", GAP_REQUESTS="2000")
SMOKE = dict(P1_CONCURRENCY="8", P1_REQUESTS="300", P1_WARMUP="100", P1_AIPERF_REQUESTS="50", P1_WRK_SECONDS="2",
             P2_STREAMS="8", P2_REQUESTS="16", P2_WARMUP="8", P2_OSL="8", P2_RAMP_SECONDS="0.1", P2_MODES="pinned",
             P3_RATES="50", P3_SECONDS="1",
             P4_COUNTS="2000", P4_XMX="256m",
             P5_LEVELS="8", P5_ITL_MS="20", P5_OSL="5", P5_SLACK_MS="50", P5_RAMP_SECONDS="0.1",
             GAP_CELLS="2,4", GAP_REQUESTS="50")
MOCK_CORE = os.environ.get("BENCH_MOCK_CORE", "1")
CLIENT_CORE = os.environ.get("BENCH_CLIENT_CORE", "0")


def modes(name="BENCH_MODES", default="pinned,unpinned"):
    return [m.strip() for m in os.environ.get(name, default).split(",") if m.strip() in ("pinned", "unpinned")]


def pin(cmd, core):
    """The command on one core (taskset), or as it is when core is None."""
    return cmd if core is None else ["taskset", "-c", str(core), *cmd]


def client_core(mode):
    return CLIENT_CORE if mode == "pinned" else None


def size(name, smoke):
    return os.environ.get(name, (SMOKE if smoke else FULL)[name])


def ints(text):
    return [int(x) for x in text.split(",") if x.strip()]


def load():
    return round(os.getloadavg()[0], 2)


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Run:
    """One child process: wall time, CPU (user+sys, including its waited-for children) and peak RSS."""

    def __init__(self, cmd, timeout, log_path, env=None):
        self.cmd = cmd
        load_before = load()
        t0 = time.monotonic()
        self.max_fds = 0
        with open(log_path, "w") as f:
            p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, env=env)
            deadline = t0 + timeout
            polls = 0
            while True:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    p.kill()
                    pid, status, ru = os.wait4(p.pid, 0)
                    break
                polls += 1
                if polls % 10 == 0:  # open file descriptors (sockets) of the process (taskset execs into it)
                    try:
                        self.max_fds = max(self.max_fds, len(os.listdir(f"/proc/{p.pid}/fd")))
                    except OSError:
                        pass
                time.sleep(0.05)
        self.wall = time.monotonic() - t0
        self.rc = os.waitstatus_to_exitcode(status)
        self.cpu = ru.ru_utime + ru.ru_stime
        self.maxrss_mib = ru.ru_maxrss / 1024.0
        self.load = [load_before, load()]
        self.log_path = log_path
        self.output = open(log_path, errors="replace").read()

    def check(self, what):
        if self.rc != 0:
            tail = "\n".join(self.output.splitlines()[-15:])
            raise RuntimeError(f"{what} failed (exit {self.rc}): {' '.join(self.cmd[:6])} ...\n{tail}")
        return self


class Mock:
    """The one mock server every tool talks to; restarted with other latencies between figures."""

    def __init__(self, jar, out):
        self.jar, self.out, self.proc = jar, out, None

    def start(self, ttft_ms, itl_ms, mode="unpinned"):
        self.stop()
        path = os.path.join(self.out, f"mock-{ttft_ms}-{itl_ms}-{mode}.log")
        self.log = open(path, "w")
        self.mode = mode
        self.proc = subprocess.Popen(pin(["java", "-jar", self.jar, "mock-server", "--host", HOST, "--port", str(PORT),
                                          "--ttft-ms", str(ttft_ms), "--itl-ms", str(itl_ms)],
                                         MOCK_CORE if mode == "pinned" else None),
                                     stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(600):
            if "listening on" in open(path).read() and self.ready():
                return
            if self.proc.poll() is not None:
                raise RuntimeError("mock server exited: " + open(path).read())
            time.sleep(0.1)
        raise RuntimeError("mock server did not answer in 60 s")

    @staticmethod
    def ready():
        """A fresh JVM on a busy machine can take seconds to answer its first request: wait for it."""
        try:
            with urllib.request.urlopen(URL + "/v1/models", timeout=10) as r:
                return r.status == 200
        except OSError:
            return False

    @staticmethod
    def served_ttft():
        """(sum s, count) of the mock's own TTFT histogram (handler start to first token write), from /metrics."""
        total, count = 0.0, 0
        with urllib.request.urlopen(URL + "/metrics", timeout=10) as r:
            for line in r.read().decode().splitlines():
                if line.startswith("vllm:time_to_first_token_seconds_sum"):
                    total += float(line.rsplit(" ", 1)[1])
                elif line.startswith("vllm:time_to_first_token_seconds_count"):
                    count += int(float(line.rsplit(" ", 1)[1]))
        return total, count

    def cpu_seconds(self):
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError):
            return None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None


def redline_profile(a, name, flags, jvm=(), timeout=1800, core=None, tokenizer="builtin"):
    art = os.path.join(a.out, "runs", name)
    shutil.rmtree(art, ignore_errors=True)
    cmd = pin(["java", *jvm, "-jar", a.jar, "profile", "-u", URL, "-m", "mock-model", "--tokenizer", tokenizer,
               "--ui-type", "none", "--export-level", "summary", "--artifact-dir", art, *flags], core)
    r = Run(cmd, timeout, art + ".log").check("redline " + name)
    with open(os.path.join(art, "profile_export_redline.json")) as f:
        return r, json.load(f)


def aiperf_profile(a, name, flags, timeout=1800, core=None, tokenizer="builtin"):
    art = os.path.join(a.out, "runs", name)
    shutil.rmtree(art, ignore_errors=True)
    # taskset on the parent: AIPerf's worker and record-processor processes inherit the one core
    cmd = pin([a.aiperf, "profile", "--model", "mock-model", "--url", URL, "--endpoint-type", "chat",
               "--tokenizer", tokenizer, "--ui-type", "none", "--artifact-dir", art, *flags], core)
    env = dict(os.environ, TIKTOKEN_CACHE_DIR=tiktoken_cache(a))
    if tokenizer == "builtin":
        env["HF_HUB_OFFLINE"] = "1"  # offline, AIPerf resolves a local directory as a hub repo id and fails
    r = Run(cmd, timeout, art + ".log", env).check("aiperf " + name)
    with open(os.path.join(art, "profile_export_aiperf.json")) as f:
        return r, json.load(f)


def tiktoken_cache(a):
    """AIPerf's 'builtin' tokenizer is tiktoken o200k_base, fetched from the internet on first use. Redline's jar
    carries the very same file (jtokkit, sha256 446a9538...): seed tiktoken's cache with it so no network is needed."""
    cache = os.path.join(a.out, "tiktoken-cache")
    name = hashlib.sha1(b"https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken").hexdigest()
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        with zipfile.ZipFile(a.jar) as z, open(path, "wb") as f:
            f.write(z.read("com/knuddels/jtokkit/o200k_base.tiktoken"))
    return cache


def stat(export, tag, key="avg"):
    m = export.get(tag)
    return None if not isinstance(m, dict) or m.get(key) is None else float(m[key])


def chat_body(isl_words, osl, stream):
    prompt = " ".join(["benchmark"] * isl_words)
    return json.dumps({"messages": [{"role": "user", "content": prompt}], "model": "mock-model", "stream": stream,
                       "max_completion_tokens": osl})


def ratio(x, y):
    return None if x is None or not y else round(x / y, 3)


# ------------------------------------------------------------------------------------------------ figures

def p1(a, mock):
    """Non-streaming ceiling, the issue's shape (c 64, ISL 4, OSL 8, the real test tokenizer), pinned and unpinned:
    within each mode the three tools meet the same warm mock one after another, so the ratios are of one minute."""
    c, n = size("P1_CONCURRENCY", a.smoke), int(size("P1_REQUESTS", a.smoke))
    isl, osl = 4, 8
    lua = os.path.join(a.out, "post.lua")
    with open(lua, "w") as f:
        body = chat_body(isl, osl, False).replace("\\", "\\\\").replace("'", "\\'")
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f"wrk.body = '{body}'\n")
    tok = a.tokenizer_dir or "builtin"
    # recorded relative to the repository: results files are committed and must not name this machine's paths
    shown = os.path.relpath(tok, a.repo) if a.repo and os.path.isabs(tok) else tok
    res = {"concurrency": int(c), "isl": isl, "osl": osl, "streaming": False, "tokenizer": shown, "modes": {}}
    base = ["--concurrency", c, "--isl", str(isl), "--osl", str(osl)]
    w = int(size("P1_WARMUP", a.smoke))
    for mode in modes():
        core = client_core(mode)
        threads = "-t1" if mode == "pinned" else "-t2"  # wrk: one thread per core it may use
        mock.start(0, 0, mode)
        out = {}
        if shutil.which("wrk") and not a.smoke:
            # warm the mock's JIT once, before any tool: none of them should meet a cold server
            subprocess.run(pin(["wrk", threads, f"-c{c}", "-d5s", "-s", lua, URL + "/v1/chat/completions"], core),
                           capture_output=True)
        for label, tokenizer in (("redline", tok), ("redline_builtin", "builtin")):
            r, e = redline_profile(a, f"p1-{label}-{mode}", base + ["--request-count", str(n), "--warmup-request-count", str(w)],
                                   core=core, tokenizer=tokenizer)
            reqs = stat(e, "request_count")
            out[label] = {"requests": reqs, "requests_per_sec": round(stat(e, "request_throughput"), 1),
                          "cpu_us_per_request": round(r.cpu * 1e6 / (reqs + w), 1), "load": r.load,
                          "client_saturated": e.get("client_saturated"),
                          "saturation_reasons": (e.get("client_saturation") or {}).get("reasons")}
            log(f"P1 {mode} {label} {out[label]}")
        if a.aiperf:
            na = int(size("P1_AIPERF_REQUESTS", a.smoke))
            try:
                r, e = aiperf_profile(a, f"p1-aiperf-{mode}", base + ["--request-count", str(na), "--warmup-request-count", "100"],
                                      core=core, tokenizer=tok)
                reqs = stat(e, "request_count")
                out["aiperf"] = {"requests": reqs, "requests_per_sec": round(stat(e, "request_throughput"), 1),
                                 "cpu_us_per_request": round(r.cpu * 1e6 / (reqs + 100), 1), "load": r.load}
            except RuntimeError as ex:  # the other tools' figures still count
                out["aiperf"] = {"missing": str(ex).splitlines()[0]}
            log(f"P1 {mode} aiperf {out['aiperf']}")
        else:
            out["aiperf"] = {"missing": a.aiperf_note or "aiperf not installed"}
        if shutil.which("wrk"):
            secs = size("P1_WRK_SECONDS", a.smoke)
            r = Run(pin(["wrk", threads, f"-c{c}", f"-d{secs}s", "-s", lua, URL + "/v1/chat/completions"], core), 600,
                    os.path.join(a.out, "runs", f"p1-wrk-{mode}.log")).check("wrk")
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", r.output).group(1))
            total = int(re.search(r"(\d+) requests in", r.output).group(1))
            out["wrk"] = {"requests": total, "requests_per_sec": round(rps, 1),
                          "cpu_us_per_request": round(r.cpu * 1e6 / max(total, 1), 1), "load": r.load}
            log(f"P1 {mode} wrk {out['wrk']}")
        else:
            out["wrk"] = {"missing": "wrk not installed"}
        red = out["redline"]["requests_per_sec"]
        out["redline_vs_aiperf"] = ratio(red, out["aiperf"].get("requests_per_sec"))
        out["redline_vs_wrk"] = ratio(red, out["wrk"].get("requests_per_sec"))
        out["redline_builtin_vs_wrk"] = ratio(out["redline_builtin"]["requests_per_sec"], out["wrk"].get("requests_per_sec"))
        out["mock_cpu_seconds"] = mock.cpu_seconds()
        res["modes"][mode] = out
    res["target"] = "pinned: redline >= 0.5x wrk; unpinned: >= 0.8x wrk; >= 50x aiperf"
    return res


def p2(a, mock):
    s, n, osl = size("P2_STREAMS", a.smoke), size("P2_REQUESTS", a.smoke), size("P2_OSL", a.smoke)
    ttft, itl = 50, 10
    res = {"streams": int(s), "requests": int(n), "osl": int(osl), "mock_ttft_ms": ttft, "mock_itl_ms": itl, "modes": {}}
    flags = ["--streaming", "--concurrency", s, "--request-count", n, "--isl", "128", "--osl", osl,
             "--warmup-request-count", size("P2_WARMUP", a.smoke)]

    def errors(e):
        return {"ttft_added_ms": {"p50": round(stat(e, "time_to_first_token", "p50") - ttft, 3),
                                  "p99": round(stat(e, "time_to_first_token", "p99") - ttft, 3)},
                "itl_added_ms": {"p50": round(stat(e, "inter_token_latency", "p50") - itl, 3),
                                 "p99": round(stat(e, "inter_token_latency", "p99") - itl, 3)},
                "requests": stat(e, "request_count"), "errors": stat(e, "error_request_count") or 0}

    def stamped(e):
        """Redline's source-stamped figures: the mock's own send stamps, so the mock's lateness is not in them."""
        out = {}
        for tag in ("client_added_ttft", "client_added_latency"):
            m = e.get(tag)
            if isinstance(m, dict):
                out[tag + "_ms"] = {k: round(float(m[k]), 3) for k in ("p50", "p99", "max") if m.get(k) is not None}
        return out

    def served(before):
        after = mock.served_ttft()
        k = after[1] - before[1]
        # the mock's own mean TTFT over the run (warm-up included): time the server, not the client, added
        return None if k <= 0 else round((after[0] - before[0]) / k * 1000 - ttft, 3)

    def both(tag, extra, core):
        out = {}
        before = mock.served_ttft()
        r, e = redline_profile(a, f"p2-redline{tag}", flags + extra, core=core)
        out["redline"] = dict(errors(e), **stamped(e), load=r.load,
                              client_ttft_added_mean_ms=round(stat(e, "time_to_first_token") - ttft, 3),
                              mock_ttft_added_mean_ms=served(before), client_saturated=e.get("client_saturated"))
        log(f"P2{tag} redline {out['redline']}")
        if a.aiperf and a.smoke:  # AIPerf's start-up alone is ~15 s: the smoke run checks it once, in P1
            out["aiperf"] = {"missing": "skipped in --smoke"}
        elif a.aiperf:
            before = mock.served_ttft()
            r, e = aiperf_profile(a, f"p2-aiperf{tag}", flags + extra, core=core)
            out["aiperf"] = dict(errors(e), load=r.load, client_ttft_added_mean_ms=round(stat(e, "time_to_first_token") - ttft, 3),
                                 mock_ttft_added_mean_ms=served(before))
            log(f"P2{tag} aiperf {out['aiperf']}")
        else:
            out["aiperf"] = {"missing": a.aiperf_note or "aiperf not installed"}
        return out

    ramp = size("P2_RAMP_SECONDS", a.smoke) or str(round((ttft + (int(osl) - 1) * itl) / 1000, 3))
    for mode in modes("P2_MODES", size("P2_MODES", a.smoke)):
        mock.start(ttft, itl, mode)
        core = client_core(mode)
        # As specified: all streams start together, so every round is a burst of N requests.
        out = both(f"-{mode}", [], core)
        # Staggered: streams opened over one stream's length (TTFT + (OSL-1) * ITL), so the N streams stay
        # spread out; both tools support --concurrency-ramp-duration.
        out["staggered"] = dict(ramp_seconds=float(ramp), **both(f"-staggered-{mode}", ["--concurrency-ramp-duration", ramp], core))
        res["modes"][mode] = out
    res["target"] = "client-added TTFT and ITL p99 <= 1 ms (source-stamped)"
    return res


def p3(a, mock):
    secs = float(size("P3_SECONDS", a.smoke))
    rows = []
    for mode in modes():
        mock.start(0, 0, mode)
        for rate in ints(size("P3_RATES", a.smoke)):
            path = os.path.join(a.out, "runs", f"p3-{rate}-{mode}.json")
            r = Run(pin(["java", "-jar", a.jar, "calibrate", "--steps", "send-lag", "--url", URL, "--send-lag-rate", str(rate),
                         "--step-seconds", str(secs), "--output", path], client_core(mode)), 600, path + ".log").check(f"P3 rate {rate}")
            lag = json.load(open(path))["send_lag"]
            rows.append({"mode": mode, "requested_rate": rate, "achieved_rate": lag["achieved_rate"],
                         "achieved_ratio": lag["achieved_ratio"],
                         "schedule_rate": lag.get("schedule_rate"), "achieved_vs_schedule": lag.get("achieved_vs_schedule"),
                         "requests": lag["requests"], "errors": lag["errors"], "send_lag_ms": lag["lag_ms"], "load": r.load})
            log(f"P3 {rows[-1]}")
    return {"arrival_pattern": "poisson", "seconds": secs, "rates": rows,
            "target": "Poisson 5000 req/s within 1 % of the schedule, send lag p99 <= 1 ms"}


def gc_heap_after_mib(gc_log):
    """Largest heap-after-GC ('A->B(C)' B) over the run's collections, in MiB."""
    best = None
    for m in re.finditer(r"(\d+)([MK])->(\d+)([MK])\((\d+)([MK])\)", open(gc_log).read()):
        after = int(m.group(3)) / (1024 if m.group(4) == "K" else 1)
        best = after if best is None else max(best, after)
    return best


def p4(a, mock):
    xmx = size("P4_XMX", a.smoke)
    mock.start(0, 0)
    rows = []
    for n in ints(size("P4_COUNTS", a.smoke)):
        gc = os.path.join(a.out, "runs", f"p4-{n}-gc.log")
        r, e = redline_profile(a, f"p4-{n}", ["--concurrency", "64", "--request-count", str(n), "--isl", "32", "--osl", "8"],
                               jvm=[f"-Xmx{xmx}", f"-Xlog:gc:file={gc}"], timeout=7200)
        rows.append({"requests": stat(e, "request_count"), "xmx": xmx, "max_heap_after_gc_mib": gc_heap_after_mib(gc),
                     "max_rss_mib": round(r.maxrss_mib, 1), "requests_per_sec": round(stat(e, "request_throughput"), 1),
                     "load": r.load})
        log(f"P4 {rows[-1]}")
    return {"export_level": "summary", "runs": rows, "target": "<= 256 MiB heap at 10 M requests"}


def p5(a, mock):
    """Concurrent SSE streams from one runner JVM, ramped open, pinned: heap after GC, RSS and descriptors per level."""
    itl, osl, slack = int(size("P5_ITL_MS", a.smoke)), size("P5_OSL", a.smoke), float(size("P5_SLACK_MS", a.smoke))
    ttft = 50
    mode = modes()[0] if modes() else "pinned"
    mock.start(ttft, itl, mode)
    rows, sustained = [], 0
    for level in ints(size("P5_LEVELS", a.smoke)):
        gc = os.path.join(a.out, "runs", f"p5-{level}-gc.log")
        try:
            r, e = redline_profile(a, f"p5-{level}", ["--streaming", "--concurrency", str(level), "--request-count",
                                                      str(2 * level), "--warmup-request-count", str(2 * level), "--isl", "32",
                                                      "--osl", osl, "--request-timeout-seconds", "120",
                                                      # streams open over about one stream's length, so a level
                                                      # holds N staggered streams, not N simultaneous starts
                                                      "--concurrency-ramp-duration", size("P5_RAMP_SECONDS", a.smoke)],
                                   jvm=[f"-Xlog:gc:file={gc}"], core=client_core(mode))
        except RuntimeError as ex:
            rows.append({"streams": level, "failed": str(ex).splitlines()[0]})
            break
        added = stat(e, "inter_token_latency", "p50")
        added = None if added is None else round(added - itl, 3)
        errs = stat(e, "error_request_count") or 0
        ttft_added = round(stat(e, "time_to_first_token", "p50") - ttft, 3)
        chunk_p99 = stat(e, "client_added_latency", "p99")
        # the target: no failed request and the source-stamped client-added latency p99 within the slack
        ok = errs == 0 and chunk_p99 is not None and chunk_p99 <= slack
        rows.append({"streams": level, "requests": stat(e, "request_count"), "errors": errs,
                     "client_added_latency_ms": {k: stat(e, "client_added_latency", k) for k in ("p50", "p99", "max")},
                     "client_added_ttft_p99_ms": stat(e, "client_added_ttft", "p99"),
                     "itl_added_p50_ms": added, "ttft_added_p50_ms": ttft_added,
                     "cpu_seconds": round(r.cpu, 1), "max_rss_mib": round(r.maxrss_mib, 1),
                     "max_heap_after_gc_mib": gc_heap_after_mib(gc), "max_open_fds": r.max_fds,
                     "client_saturated": e.get("client_saturated"), "sustained": ok, "load": r.load})
        log(f"P5 {rows[-1]}")
        # every level runs (its heap, RSS and descriptors are figures too); sustained = the last of an unbroken run
        if ok and sustained == (rows[-2]["streams"] if len(rows) > 1 else 0):
            sustained = level
    return {"mode": mode, "mock_ttft_ms": ttft, "mock_itl_ms": itl, "osl": int(osl), "sustained_streams": sustained,
            "criterion": f"no failed request, source-stamped client-added latency p99 <= {slack} ms",
            "ulimit_n": resource.getrlimit(resource.RLIMIT_NOFILE)[0],
            "levels": rows,
            "target": ">= 10000 streams, client-added ITL p99 <= 5 ms"}


def gap(a, mock):
    """A sweep in one JVM: end of one cell (its last response) to the first request of the next (its warm-up
    included), from the runs' own per-record timestamps; with the default telemetry and without it."""
    cells, n = size("GAP_CELLS", a.smoke), size("GAP_REQUESTS", a.smoke)
    mode = modes()[0] if modes() else "pinned"
    mock.start(0, 0, mode)
    out = {"mode": mode, "cells": cells, "requests_per_cell": int(n), "runs": {}}
    for label, extra in (("default", []), ("no_telemetry", ["--no-server-metrics", "--no-gpu-telemetry"])):
        art = os.path.join(a.out, "runs", f"gap-{label}")
        shutil.rmtree(art, ignore_errors=True)
        cmd = pin(["java", "-jar", a.jar, "profile", "-u", URL, "-m", "mock-model", "--tokenizer", "builtin", "--ui-type", "none",
                   "--artifact-dir", art, "--concurrency", cells, "--request-count", n, "--warmup-request-count",
                   str(max(1, int(n) // 10)), "--isl", "16", "--osl", "8", "--no-auto-plot", *extra], client_core(mode))
        r = Run(cmd, 1800, art + ".log").check("gap sweep")
        spans = []
        for c in cells.split(","):
            lo = hi = None
            with open(os.path.join(art, f"concurrency_{c.strip()}", "profile_export.jsonl")) as f:
                for line in f:
                    m = json.loads(line)["metadata"]
                    lo = m["request_start_ns"] if lo is None else min(lo, m["request_start_ns"])
                    if m.get("request_end_ns") is not None:
                        hi = m["request_end_ns"] if hi is None else max(hi, m["request_end_ns"])
            spans.append((lo, hi))
        gaps = [round((spans[i][0] - spans[i - 1][1]) / 1e6, 1) for i in range(1, len(spans))]
        out["runs"][label] = {"gaps_ms": gaps, "max_gap_ms": max(gaps) if gaps else None, "load": r.load}
        log(f"GAP {label} {out['runs'][label]}")
    out["target"] = "< 50 ms between cells (no cooldown set), no JVM restart"
    return out


def p6(a, mock):
    """The operator on the real control plane: the Maven benchmark OperatorScaleBench (needs --repo)."""
    if not a.repo:
        return {"failed": "P6 needs --repo (run-benchmarks.sh passes it)"}
    log_path = os.path.join(a.out, "runs", "p6.log")
    load_before = load()
    with open(log_path, "w") as f:
        rc = subprocess.run(["./mvnw", "-B", "-q", "-pl", "operator", "-am", "verify", "-Dit.test=OperatorScaleBench",
                             "-Dtest=none", "-Dsurefire.failIfNoSpecifiedTests=false"], cwd=a.repo, stdout=f,
                            stderr=subprocess.STDOUT).returncode
    report = os.path.join(a.repo, "operator", "target", "realcluster", "OperatorScaleBench", "p6.txt")
    text = open(report).read() if os.path.exists(report) else ""
    return {"exit": rc, "report": text.strip().splitlines(), "load": [load_before, load()],
            "target": "Benchmark created -> Job created < 1 s p99 over 50; operator memory with 500 Benchmarks"}


P5_TTFT_SLACK_MS = 50

FIGURES = {"P1": p1, "P2": p2, "P3": p3, "P4": p4, "P5": p5, "GAP": gap, "P6": p6}


def machine():
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"cores": os.cpu_count(), "platform": platform.platform(), "java": java[0] if java else None,
            "jvm_flags": "defaults (G1, max heap 1/4 of RAM) unless a figure says otherwise",
            "load_at_start": list(os.getloadavg()), "mock_core": MOCK_CORE, "client_core": CLIENT_CORE,
            "ulimit_n": resource.getrlimit(resource.RLIMIT_NOFILE)[0]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--aiperf", default="")
    ap.add_argument("--aiperf-note", default="")
    ap.add_argument("--tokenizer-dir", default="")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--only", default="P1,P2,P3,P4,P5,GAP")
    ap.add_argument("--repo", default="")
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "runs"), exist_ok=True)
    results = {"smoke": a.smoke, "machine": machine(), "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "aiperf_version": aiperf_version(a.aiperf), "figures": {}}
    mock = Mock(a.jar, a.out)
    try:
        for name in [x.strip().upper() for x in a.only.split(",") if x.strip()]:
            if name not in FIGURES:
                sys.exit(f"bench.py: --only: unknown figure '{name}'; use P1..P6, GAP")
            log(f"{name} (load {load()})")
            t0 = time.monotonic()
            try:
                fig = FIGURES[name](a, mock)
            except RuntimeError as ex:
                fig = {"failed": str(ex)}
                log(f"{name} failed: {ex}")
            fig["seconds"] = round(time.monotonic() - t0, 1)
            results["figures"][name] = fig
            with open(os.path.join(a.out, "results.json"), "w") as f:
                json.dump(results, f, indent=2)
    finally:
        mock.stop()
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    log("wrote " + os.path.join(a.out, "results.json"))
    failed = [k for k, v in results["figures"].items() if "failed" in v]
    sys.exit(1 if failed else 0)


def aiperf_version(path):
    if not path:
        return None
    pip = os.path.join(os.path.dirname(path), "pip")
    out = subprocess.run([pip, "show", "aiperf"], capture_output=True, text=True).stdout
    m = re.search(r"Version: (\S+)", out)
    return m.group(1) if m else None


if __name__ == "__main__":
    main()
