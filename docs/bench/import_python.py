#!/usr/bin/env python3
"""Baseline for `ndsw bench import`: json.load of an NDS file, then sqlite3 executemany inserts.

This is the pattern of NNI's NDS importer (nni/nas/benchmarks/nds/db_gen.py: json.load of the whole file, then
inserts), made a strong, like-for-like baseline: it writes the same content into the same schema as ndsw (tables,
indexes, WAL mode, synchronous=NORMAL, one transaction), curves in ndsw's compact encoding (b"f" + float32 values
when all are exactly float32, else b"d" + float64; array.tobytes, no per-value Python loop), the file's SHA-256, and
one row per distinct net (canonical JSON + SHA-256). It does not validate records or recompute flops and params,
which ndsw does on top.

Usage: /usr/bin/python3 import_python.py FILE.json CATALOG.db
Prints {"runs", "models", "seconds", "cpu_seconds"} as JSON (CPU = user + system time of the process).
"""
import hashlib
import json
import resource
import sqlite3
import sys
import time
from array import array

CURVES = ("test_ep_top1", "train_ep_top1", "train_ep_loss", "train_it_loss", "train_it_top1")
KNOWN = {"net", "optim", "min_test_top1", "flops", "params", "rng_seed"} | set(CURVES)

SCHEMA = """
CREATE TABLE sweeps (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, space TEXT NOT NULL, dataset TEXT NOT NULL,
  source_kind TEXT NOT NULL, source TEXT NOT NULL, source_name TEXT, source_sha256 TEXT, source_group TEXT,
  recipe TEXT, verification TEXT, provenance TEXT, created TEXT NOT NULL);
CREATE INDEX sweeps_by_source_name ON sweeps(source_name);
CREATE TABLE models (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, family TEXT NOT NULL, net TEXT NOT NULL,
  net_b BLOB NOT NULL, flops INTEGER NOT NULL, params INTEGER NOT NULL, acts INTEGER NOT NULL, block_type TEXT,
  ops_normal TEXT, ops_reduce TEXT);
CREATE TABLE runs (id INTEGER PRIMARY KEY, sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
  model_id INTEGER NOT NULL REFERENCES models(id), seq INTEGER NOT NULL, seed INTEGER, status TEXT NOT NULL,
  error REAL, final_error REAL, epochs INTEGER, flops INTEGER, params INTEGER, base_lr REAL, wd REAL, max_ep INTEGER,
  engine TEXT, host TEXT, started TEXT, finished TEXT, train_seconds REAL, provenance TEXT, UNIQUE (sweep_id, seq));
CREATE INDEX runs_by_sweep_error ON runs(sweep_id, error);
CREATE INDEX runs_by_sweep_params ON runs(sweep_id, params);
CREATE INDEX runs_by_sweep_flops ON runs(sweep_id, flops);
CREATE INDEX runs_by_model ON runs(model_id);
CREATE TABLE run_data (run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE, optim TEXT,
  test_ep_top1 BLOB, train_ep_top1 BLOB, train_ep_loss BLOB, test_ep_loss BLOB, train_it_loss BLOB,
  train_it_top1 BLOB, extra TEXT);
"""


def curve(values):
    if values is None:
        return None
    narrow = array("f", values)
    if narrow.tolist() == values:
        return b"f" + narrow.tobytes()
    return b"d" + array("d", values).tobytes()


def main(path, db_path):
    start = time.perf_counter()
    with open(path, "rb") as f:
        raw = f.read()
    sha = hashlib.sha256(raw).hexdigest()
    data = json.loads(raw)
    groups = data.items() if isinstance(data, dict) else [("", data)]
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript(SCHEMA)
    db.execute("BEGIN IMMEDIATE")
    file_name = path.rsplit("/", 1)[-1]
    name = file_name.removesuffix(".json")
    model_ids = {}
    run_id = 0
    for group, records in groups:
        cur = db.execute("INSERT INTO sweeps (name, space, dataset, source_kind, source, source_name, source_sha256,"
                         " source_group, created) VALUES (?, ?, ?, 'nds-import', ?, ?, ?, ?, datetime('now'))",
                         (name + ("/" + group if group else ""), name.split("_")[0], "cifar10", path, file_name, sha,
                          group or None))
        sweep_id = cur.lastrowid
        models, runs, rows = [], [], []
        for seq, r in enumerate(records):
            net = json.dumps(r["net"], sort_keys=True, separators=(",", ":"))
            h = hashlib.sha256(net.encode()).hexdigest()
            if h not in model_ids:
                model_ids[h] = len(model_ids) + 1
                family = "cell" if "genotype" in r["net"] else "stage"
                models.append((model_ids[h], h, family, net, net, r["flops"], r["params"], 0, r["net"].get("block_type")))
            run_id += 1
            test = r.get("test_ep_top1")
            optim = r.get("optim") or {}
            runs.append((run_id, sweep_id, model_ids[h], seq, r.get("rng_seed"), r["min_test_top1"],
                         test[-1] if test else None, len(test) if test else None, r["flops"], r["params"],
                         optim.get("base_lr"), optim.get("wd"), optim.get("max_ep")))
            extra = {k: v for k, v in r.items() if k not in KNOWN}
            rows.append((run_id, json.dumps(optim), curve(r.get("test_ep_top1")), curve(r.get("train_ep_top1")),
                         curve(r.get("train_ep_loss")), curve(r.get("train_it_loss")), curve(r.get("train_it_top1")),
                         json.dumps(extra)))
        db.executemany("INSERT OR IGNORE INTO models (id, hash, family, net, net_b, flops, params, acts, block_type)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", models)
        db.executemany("INSERT INTO runs (id, sweep_id, model_id, seq, seed, status, error, final_error, epochs, flops,"
                       " params, base_lr, wd, max_ep) VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, ?)", runs)
        db.executemany("INSERT INTO run_data (run_id, optim, test_ep_top1, train_ep_top1, train_ep_loss, train_it_loss,"
                       " train_it_top1, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    db.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"runs": run_id, "models": len(model_ids), "seconds": time.perf_counter() - start,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
