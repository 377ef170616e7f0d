#!/usr/bin/env bash
# Runs `redline profile` against a real `mlflow server` once and checks what MLflow holds (docs/mlflow.md).
# Needs: runner/target/redline.jar (./mvnw -B -q -pl runner -am -DskipTests package) and a Python with mlflow
# (python3 -m venv /tmp/mlflowvenv && /tmp/mlflowvenv/bin/pip install mlflow). Usage: mlflow-check.sh [PYTHON]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../../target/redline.jar"
py=${1:-python3}
work=$(mktemp -d)
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
uri="http://127.0.0.1:$port"
"$(dirname "$py")/mlflow" server --host 127.0.0.1 --port "$port" --workers 1 \
  --backend-store-uri "sqlite:///$work/mlflow.db" --artifacts-destination "$work/artifacts" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; [ "${KEEP:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "$uri/health" > /dev/null && break; sleep 1; done
curl -sf "$uri/health" > /dev/null || { echo "mlflow server did not start:"; tail -20 "$work/server.log"; exit 1; }
echo "mlflow $("$py" -c 'import mlflow; print(mlflow.__version__)') at $uri"

java -jar "$jar" profile --mock-server --request-count 10 --concurrency 2 --ui-type none --artifact-dir "$work/single" \
  --mlflow-tracking-uri "$uri" --mlflow-experiment redline-check --mlflow-run-name single --mlflow-tag team:perf > "$work/single.out" 2>&1
"$py" "$here/mlflow-check.py" parent "$uri" redline-check "$work/parent" > /dev/null  # mlflow prints "View run" lines
parent=$(cat "$work/parent")
java -jar "$jar" profile --mock-server --request-count 6 --concurrency 1,2 --ui-type none --artifact-dir "$work/sweep" \
  --mlflow-tracking-uri "$uri" --mlflow-experiment redline-check --mlflow-parent-run-id "$parent" > "$work/sweep.out" 2>&1
"$py" "$here/mlflow-check.py" check "$uri" redline-check "$parent" "$work/single" "$work/sweep/concurrency_1" "$work/sweep/concurrency_2"
