#!/usr/bin/env bash
# Latency vs concurrency of `redline profile` against `redline mock-server --engine sim` (docs/mock-server.md).
# Run from the repository root after `./mvnw -B -q -DskipTests package`:
#   OUT=sweep docs/mock-server-sweep/sweep.sh                                         # engine defaults
#   OUT=sweep-nocache MOCK_FLAGS=--no-enable-prefix-caching docs/mock-server-sweep/sweep.sh
#   python3 docs/mock-server-sweep/table.py sweep-nocache                              # measured / model table
set -uo pipefail
REDLINE=${REDLINE:-"java -jar runner/target/redline.jar"}
OUT=${OUT:-sweep}
mkdir -p "$OUT"
$REDLINE mock-server --engine sim ${MOCK_FLAGS:-} --port 8123 > "$OUT/mock.log" 2>&1 &
MOCK=$!
trap 'kill $MOCK' EXIT
until curl -sf http://127.0.0.1:8123/health > /dev/null; do sleep 1; done
for C in 1 2 4 8 16 32 64 128 256 512; do
  N=$(( C * 4 > 64 ? C * 4 : 64 ))
  for try in 1 2 3; do  # the readiness probe gives up after 3 s, which a busy machine can exceed
    $REDLINE profile -m mock-model --url http://127.0.0.1:8123 --streaming \
      --concurrency $C --request-count $N --warmup-request-count $C \
      --isl 1000 --osl 200 --num-dataset-entries 4096 --ui-type none \
      --artifact-dir "$OUT/c$C" > "$OUT/c$C.log" 2>&1 && break
  done
  echo "concurrency $C: exit $?"
done
