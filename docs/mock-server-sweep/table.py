"""Measured (a sweep.sh output folder) / model (`mock-server --engine sim --print-model`) per concurrency, as markdown.

usage: python3 docs/mock-server-sweep/table.py SWEEP_DIR [--no-enable-prefix-caching]
The model is asked for the same request count as each run, with distinct prompts.
"""
import json
import os
import subprocess
import sys

out = sys.argv[1]
engine_flags = sys.argv[2:]
redline = os.environ.get("REDLINE", "java -jar runner/target/redline.jar").split()
print("| concurrency | requests | output tok/s | TTFT p50 ms | TTFT p95 ms | ITL p50 ms | ITL p95 ms | latency p50 ms |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for c in [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]:
    path = f"{out}/c{c}/profile_export_redline.json"
    if not os.path.exists(path):
        continue
    m = json.load(open(path))
    n = int(m["request_count"]["avg"])
    model = json.loads(subprocess.check_output(redline + ["mock-server", "--engine", "sim", *engine_flags, "--print-model",
        "--isl", "1000", "--osl", "200", "--num-dataset-entries", "100000", "--concurrency", str(c),
        "--request-count", str(n), "--format", "json"]))["points"][0]

    def pair(measured, modelled, digits=1):
        return f"{measured:,.{digits}f} / {modelled:,.{digits}f}"

    print(f"| {c} | {n} | {pair(m['output_token_throughput']['avg'], model['output_token_throughput'])} "
          f"| {pair(m['time_to_first_token']['p50'], model['time_to_first_token']['p50'])} "
          f"| {pair(m['time_to_first_token']['p95'], model['time_to_first_token']['p95'])} "
          f"| {pair(m['inter_token_latency']['p50'], model['inter_token_latency']['p50'], 2)} "
          f"| {pair(m['inter_token_latency']['p95'], model['inter_token_latency']['p95'], 2)} "
          f"| {pair(m['request_latency']['p50'], model['request_latency']['p50'])} |")
