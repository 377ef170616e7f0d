"""Reads Redline's runs back from a real MLflow server and compares them with the export files (mlflow-check.sh)."""
import json
import pathlib
import sys

import mlflow
from mlflow.tracking import MlflowClient

STATS = ["avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "min", "max", "std", "count", "sum"]


def parent(uri, experiment, out):
    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name="sweep-parent") as run:
        pathlib.Path(out).write_text(run.info.run_id)


def check(uri, experiment, parent_id, *dirs):
    client = MlflowClient(uri)
    exp = client.get_experiment_by_name(experiment)
    for d in map(pathlib.Path, dirs):
        export = json.loads((d / "profile_export_redline.json").read_text())
        meta = json.loads((d / "mlflow_export.json").read_text())
        run = client.get_run(meta["run_id"])
        assert run.info.experiment_id == exp.experiment_id, d
        assert run.info.status == "FINISHED", (d, run.info.status)
        assert run.data.tags["benchmark_id"] == export["benchmark_id"], d
        compared = 0
        for tag, m in export.items():
            if not isinstance(m, dict) or "unit" not in m:
                continue
            for stat in STATS:
                if isinstance(m.get(stat), (int, float)):
                    key = tag if stat == "avg" else f"{tag}.{stat}"
                    assert run.data.metrics[key] == float(m[stat]), (d, key, run.data.metrics[key], m[stat])
                    compared += 1
        listed = sorted(a.path for a in client.list_artifacts(run.info.run_id, "exports"))
        expected = sorted("exports/" + a for a in meta["uploaded_artifacts"])
        assert listed == expected, (d, listed, expected)
        nested = run.data.tags.get("mlflow.parentRunId")
        if "sweep" in str(d):
            assert nested == parent_id, (d, nested)
        print(f"{d.name}: run {run.info.run_id} '{run.info.run_name}' FINISHED, {compared} statistics equal the file,"
              f" {len(listed)} artifacts, parent {nested}")
    print("OK")


if __name__ == "__main__":
    {"parent": parent, "check": check}[sys.argv[1]](*sys.argv[2:])
