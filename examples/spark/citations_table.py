"""The citations table of an archive, parsed on Spark, written as Parquet.

Runs in PySpark's local mode (or on a cluster whose executors have the
``bulletin`` package, or the ``bulletin`` binary, installed)::

    python examples/spark/citations_table.py ARCHIVE_DIR OUT.parquet
    python examples/spark/citations_table.py --records records.jsonl OUT.parquet
    python examples/spark/citations_table.py --engine cli ARCHIVE_DIR OUT.parquet

Input: a directory of bulletins (every ``*.txt`` file under it, one or many
articles each), or a JSON Lines file of records ``{"id": ..., "text": ...}``
as a crawl would hold them.

Two engines, the same table (one row per citation group, the columns of
``bulletin table citations``):

- ``package`` (the default): the Python package on the executors, inside
  ``mapInPandas``: each batch of texts becomes a batch of rows with
  ``bulletin.rows("citations", text, path)``.
- ``cli``: the command line as a streaming map step: the records, one JSON
  line each, piped through ``bulletin table citations --format jsonl
  --input jsonl`` with ``rdd.pipe``; its JSON Lines read back as rows.
  ``bulletin parse --jsonl --input jsonl`` is the same step for the whole
  trees.

Pages without a header are kept (``lenient``), as ``bulletin table
--lenient`` keeps them.
"""

import argparse
import json
import os
import shutil
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The columns of `bulletin table citations`, typed.
CITATIONS = T.StructType(
    [
        T.StructField("path", T.StringType()),
        T.StructField("index", T.LongType()),
        T.StructField("publication", T.StringType()),
        T.StructField("volume", T.LongType()),
        T.StructField("issue", T.LongType()),
        T.StructField("year", T.LongType()),
        T.StructField("issue_date", T.DateType()),
        T.StructField("citation", T.LongType()),
        T.StructField("group", T.LongType()),
        T.StructField("kind", T.StringType()),
        T.StructField("outlets", T.StringType()),
        T.StructField("canonical_outlets", T.StringType()),
        T.StructField("target", T.StringType()),
        T.StructField("series", T.StringType()),
        T.StructField("dates", T.StringType()),
        T.StructField("first_date", T.DateType()),
        T.StructField("last_date", T.DateType()),
        T.StructField("raw", T.StringType()),
        T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()),
    ]
)
DATES = [f.name for f in CITATIONS.fields if isinstance(f.dataType, T.DateType)]
NUMBERS = [f.name for f in CITATIONS.fields if isinstance(f.dataType, T.LongType)]


def texts(spark, args):
    """The input as a DataFrame of ``(id, text)``: a file's path as its id."""
    if args.records:
        return spark.read.json(args.records).select(
            F.col("id").cast("string").alias("id"), F.col("text")
        )
    files = spark.read.text(
        args.input, wholetext=True, recursiveFileLookup=True, pathGlobFilter="*.txt"
    )
    path = F.regexp_replace(F.input_file_name(), "^file:(//)?", "")
    return files.select(path.alias("id"), F.col("value").alias("text"))


def citation_rows(batches):
    """``mapInPandas``: batches of ``(id, text)`` to batches of rows."""
    import bulletin
    import pandas as pd

    for batch in batches:
        rows = [
            row
            for id, text in zip(batch["id"], batch["text"])
            for row in bulletin.rows("citations", text, id, lenient=True)
        ]
        frame = pd.DataFrame(rows, columns=CITATIONS.fieldNames())
        for column in DATES:
            frame[column] = pd.to_datetime(frame[column]).dt.date
        yield frame.astype({column: "Int64" for column in NUMBERS})


def with_package(frame):
    return frame.mapInPandas(citation_rows, schema=CITATIONS)


def with_cli(spark, frame, binary):
    records = frame.rdd.map(lambda r: json.dumps({"id": r.id, "text": r.text}))
    # One process per partition, fed the records on standard input.
    lines = records.pipe(
        f"{binary} table citations --format jsonl --input jsonl --lenient --jobs 1"
    )
    as_text = {f.name: T.StringType() if f.name in DATES else f.dataType for f in CITATIONS.fields}
    read = spark.read.schema(T.StructType([T.StructField(n, t) for n, t in as_text.items()]))
    rows = read.json(lines)
    return rows.select(
        *[F.to_date(c).alias(c) if c in DATES else F.col(c) for c in CITATIONS.fieldNames()]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="?", help="a directory of bulletins (*.txt)")
    parser.add_argument("output", help="the Parquet directory to write")
    parser.add_argument("--records", help="a JSON Lines file of {id, text} records instead")
    parser.add_argument("--engine", choices=["package", "cli"], default="package")
    parser.add_argument("--bulletin", default=shutil.which("bulletin") or "bulletin",
                        help="the command line, for --engine cli")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args(argv)
    if not (args.input or args.records):
        parser.error("give a directory of bulletins or --records FILE")

    spark = (
        SparkSession.builder.master(args.master)
        .appName("bulletin citations")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        frame = texts(spark, args)
        if args.engine == "package":
            table = with_package(frame)
        else:
            table = with_cli(spark, frame, os.path.abspath(args.bulletin)
                             if os.path.exists(args.bulletin) else args.bulletin)
        table.write.mode("overwrite").parquet(args.output)
        written = spark.read.parquet(args.output).count()
        print(f"{written} citation rows written to {args.output}", file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
