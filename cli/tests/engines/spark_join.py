"""Runs the Spark side of cli/tests/engines.rs in one local Spark session.

Usage: python3 spark_join.py PLAN.json RESULTS.json

Run it in a directory of its own: Spark writes its tables there
(spark-warehouse/), and relative paths in the SQL are read from there.

PLAN.json is a list of steps, run in order:

  {"script": PATH}                run every statement of an SQL file
  {"sql": TEXT}                   run every statement of TEXT
  {"query": SQL, "name": NAME}    run a query: result NAME
  {"dump": [TABLE, ...], "name": NAME}
                                  every row of each table: result NAME

A script or TEXT ends each statement with a ";" at the end of a line and
has no other ";", as the Spark dialect of `codes generate` and the
README's blocks are written, so it is split there.

RESULTS.json holds {"spark_version": VERSION, "results": {NAME: RESULT}},
a query's RESULT {"columns": [...], "rows": [[...], ...]} and a dump's
{TABLE: {"columns": ..., "rows": ...}, ...}: values as JSON (numbers,
strings, null), rows in the order Spark gives them.

A failing step is reported on stderr with the statement, and the exit
status is 1.
"""

import json
import sys


def statements(text):
    """The statements of TEXT: the pieces between semicolons that hold
    more than comments and blank lines."""
    for piece in text.split(";\n"):
        code = [
            line
            for line in piece.splitlines()
            if line.strip() and not line.lstrip().startswith("--")
        ]
        if code:
            yield piece.rstrip().rstrip(";")


def collect(spark, query):
    frame = spark.sql(query)
    return {
        "columns": frame.columns,
        "rows": [list(row) for row in frame.collect()],
    }


def main(plan_path, results_path):
    from pyspark.sql import SparkSession

    with open(plan_path, encoding="utf-8") as plan_file:
        plan = json.load(plan_file)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("cec-codes engine tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        # Bill times are civil times: durations as codes decode computes
        # them, whatever the machine's zone (see the README).
        .config("spark.sql.session.timeZone", "UTC")
        # A few hundred rows: one shuffle partition per core is plenty.
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    results = {}
    try:
        for step in plan:
            if "script" in step:
                with open(step["script"], encoding="utf-8") as script:
                    text = script.read()
                for statement in statements(text):
                    run(spark, statement, step["script"])
            elif "sql" in step:
                for statement in statements(step["sql"]):
                    run(spark, statement, "a README block")
            elif "query" in step:
                results[step["name"]] = run(
                    spark, step["query"].rstrip().rstrip(";"), step["name"], collect
                )
            elif "dump" in step:
                results[step["name"]] = {
                    table: run(spark, f"SELECT * FROM `{table}`", step["name"], collect)
                    for table in step["dump"]
                }
            else:
                raise ValueError(f"unknown step {step!r}")
    except StepFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    finally:
        version = spark.version
        spark.stop()
    with open(results_path, "w", encoding="utf-8") as out:
        json.dump({"spark_version": version, "results": results}, out, ensure_ascii=False)
    return 0


class StepFailed(Exception):
    pass


def run(spark, statement, source, action=None):
    """Runs STATEMENT (from SOURCE), with ACTION for its result."""
    try:
        if action is None:
            spark.sql(statement).collect()
            return None
        return action(spark, statement)
    except Exception as error:  # Spark raises many kinds; report any.
        message = str(error).strip().splitlines()
        raise StepFailed(
            f"Spark failed on a statement of {source}:\n{statement}\n\n"
            + "\n".join(message[:20])
        ) from error


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
