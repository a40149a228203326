"""Deduplicates a subjects CSV with Splink 5 (DuckDB backend): the plain-text baseline of scripts/bench-linkage.

    python splink_linkage.py INPUT.csv --out pairs.csv --clusters clusters.csv [--threshold 0.9] [--stats stats.json]

INPUT.csv has a `row_id` column and the plain-text fields of truth/subjects.csv (given_name, family_name,
birth_date, address_line1, address_line2, city, postal_code, region, country, national_id, phone, email).
Writes the same files as `credence link`: pairs.csv `left_id,right_id,probability` (each pair once, at or
above the threshold) and clusters.csv `id,cluster_id` (every row). `--stats` receives the stage timings and
the trained model's prior, as JSON.

The model is a standard Splink model, set up as Splink's documentation sets one up for people data:
- cleaning: trim and lower-case the text fields, empty strings as nulls;
- comparisons: Jaro-Winkler name levels on given and family names with term frequencies on exact matches,
  the date-of-birth comparison (exact, one edit, one month, one year, ten years), exact matches with term
  frequencies on email, phone and national id, and an address comparison with street-line, postal-code and
  city levels;
- blocking: the union of equal birth date, email, phone, national id, family name with postal code, and
  given with family name;
- training: the prior from deterministic rules (national id, email, phone with birth date; recall 0.7),
  u by random sampling, m by expectation-maximisation on three blocking rules (each on at most 1 million
  pairs below 100,000 records, 5 million from there, as Splink 5 samples them);
- prediction at the threshold and connected-components clustering at the same threshold.
"""
import argparse
import json
import sys
import time

import duckdb
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

TEXT_COLUMNS = ["given_name", "family_name", "address_line1", "address_line2", "city", "region", "country", "email"]
KEPT_COLUMNS = ["birth_date", "postal_code", "national_id", "phone"]


def load(connection, path):
    """The input as table `subjects`: cleaned text, nulls for empty fields, every value a string."""
    cleaned = [f"nullif(lower(trim({column})), '') AS {column}" for column in TEXT_COLUMNS]
    kept = [f"nullif(trim({column}), '') AS {column}" for column in KEPT_COLUMNS]
    connection.execute(
        f"""CREATE TABLE subjects AS
            SELECT row_id, {", ".join(cleaned + kept)}
            FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"')""",
        [path],
    ).fetchall()
    return connection.execute("SELECT count(*) FROM subjects").fetchall()[0][0]


def address_comparison():
    line_and_postcode = cll.And(cll.ExactMatchLevel("address_line1"), cll.ExactMatchLevel("postal_code"))
    return cl.CustomComparison(
        output_column_name="address",
        comparison_levels=[
            cll.And(cll.NullLevel("address_line1"), cll.NullLevel("postal_code"), cll.NullLevel("city")),
            line_and_postcode.configure(label_for_charts="Exact street line and postal code"),
            cll.And(cll.JaroWinklerLevel("address_line1", 0.9), cll.ExactMatchLevel("postal_code")).configure(
                label_for_charts="Street line Jaro-Winkler >= 0.9, same postal code"
            ),
            cll.ExactMatchLevel("postal_code").configure(label_for_charts="Same postal code"),
            cll.ExactMatchLevel("city").configure(label_for_charts="Same city"),
            cll.ElseLevel(),
        ],
    )


def settings():
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="row_id",
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("family_name"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.ExactMatch("email").configure(term_frequency_adjustments=True),
            cl.ExactMatch("phone").configure(term_frequency_adjustments=True),
            cl.ExactMatch("national_id").configure(term_frequency_adjustments=True),
            address_comparison(),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("birth_date"),
            block_on("email"),
            block_on("phone"),
            block_on("national_id"),
            block_on("family_name", "postal_code"),
            block_on("given_name", "family_name"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("--out", required=True)
    parser.add_argument("--clusters", required=True)
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--stats")
    arguments = parser.parse_args()

    stages = {}
    started = time.perf_counter()

    def stage(name, since):
        now = time.perf_counter()
        stages[name] = round(now - since, 3)
        print(f"splink: {name} {now - since:.1f} s", file=sys.stderr, flush=True)
        return now

    connection = duckdb.connect()
    records = load(connection, arguments.input)
    database = DuckDBAPI(connection)
    linker = Linker(database.register("subjects"), settings())
    mark = stage("load", started)

    linker.training.estimate_probability_two_random_records_match(
        [block_on("national_id"), block_on("email"), block_on("phone", "birth_date")], recall=0.7
    )
    mark = stage("prior", mark)
    sample = 1e6 if records < 100_000 else 5e6
    linker.training.estimate_u_using_random_sampling(max_pairs=sample, seed=1)
    mark = stage("u", mark)
    # Splink 5 samples the blocked pairs of an EM round down to `max_pairs` (equal birth dates alone give
    # about 20 million pairs at a million records, and EM over all of them takes most of the run).
    for rule in [block_on("birth_date"), block_on("email"), block_on("family_name", "postal_code")]:
        linker.training.estimate_parameters_using_expectation_maximisation(rule, max_pairs=sample)
    mark = stage("em", mark)

    predictions = linker.inference.predict(threshold_match_probability=arguments.threshold)
    mark = stage("predict", mark)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, arguments.threshold)
    mark = stage("cluster", mark)

    connection.execute(
        f"""COPY (SELECT row_id_l AS left_id, row_id_r AS right_id, round(match_probability, 6) AS probability
                  FROM {predictions.physical_name})
            TO '{arguments.out}' (HEADER, DELIMITER ',')"""
    ).fetchall()
    connection.execute(
        f"""COPY (SELECT row_id AS id, cluster_id FROM {clusters.physical_name})
            TO '{arguments.clusters}' (HEADER, DELIMITER ',')"""
    ).fetchall()
    stage("write", mark)
    prior = linker.misc.save_model_to_json()["probability_two_random_records_match"]
    if arguments.stats:
        with open(arguments.stats, "w") as file:
            json.dump({"records": records, "stages": stages, "prior": prior}, file, indent=2)


if __name__ == "__main__":
    main()
