"""precis.brief inside PySpark: an rdd.map over a few hundred clusters on local Spark.

Needs pyspark (and Java 17+) in the environment; skipped without them unless
PRECIS_REQUIRE_SPARK=1 (as in CI, where .ci/spark-env provides both), which makes
the skip a failure, as for the Rust Spark test.
"""

from __future__ import annotations

import os
import random
import sys

import pytest

import precis
from conftest import g20_texts

CLUSTERS = 300


def spark_session():  # type: ignore[no-untyped-def]
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        message = "pyspark is not installed in this environment"
        if os.environ.get("PRECIS_REQUIRE_SPARK") == "1":
            pytest.fail(message + " (PRECIS_REQUIRE_SPARK=1)")
        pytest.skip(message)
    # The workers run this interpreter, which has precis installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return (
        SparkSession.builder.master("local[2]")
        .appName("precis-python-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )


def clusters() -> list[dict]:
    """Clusters of 3-5 of the G20 articles' paragraphs, shuffled: each unlike the others."""
    paragraphs = [p for text in g20_texts() for p in text.split("\n") if len(p.split()) > 8]
    rng = random.Random(7)
    out = []
    for i in range(CLUSTERS):
        docs = []
        for j in range(rng.randint(3, 5)):
            chosen = rng.sample(paragraphs, 4)
            docs.append({"id": f"c{i}-d{j}", "text": "\n".join(chosen)})
        out.append({"id": f"c{i}", "docs": docs})
    return out


def test_brief_in_an_rdd_map_over_300_clusters() -> None:
    def summarize(cluster: dict) -> dict:
        # Defined here so that Spark pickles it by value: the workers cannot
        # import this test module, only precis.
        import precis as p

        return p.brief(cluster["docs"], words=100, id=cluster["id"])

    spark = spark_session()
    try:
        data = clusters()
        results = spark.sparkContext.parallelize(data, 8).map(summarize).collect()
    finally:
        spark.stop()
    assert len(results) == CLUSTERS
    assert [r["id"] for r in results] == [c["id"] for c in data]
    for cluster, summary in zip(data, results):
        ids = {d["id"] for d in cluster["docs"]}
        assert summary["usage"]["words"] <= 100
        assert summary["sentences"], cluster["id"]
        assert all(s["document"] in ids for x in summary["sentences"] for s in x["sources"])
    # The workers' briefings are the driver's.
    for i in (0, 149, 299):
        assert results[i] == summarize(data[i])
