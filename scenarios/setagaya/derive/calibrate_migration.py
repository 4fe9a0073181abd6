#!/usr/bin/python3
"""Calibrates the in-migration paths of the bundled Setagaya scenarios on the engine itself.

- baseline: in-migrants(t) = 61,000 x national young-adult index(t) x (1 + g)^(t - 2025): the
  ward draws a share of Japan's shrinking young-adult population that grows by g a year (Tokyo's
  pull). g is solved (bisection) so that the ward total peaks in 2039, the premise of the ward's
  basic plan.
- ipss2023: one in-migrant level per 5-year period 2025-29, ..., 2045-49 (as IPSS projects by
  5-year periods), solved one period after the other (bisection) so that P(t) / P(2025) follows
  IPSS R5's Setagaya path at the end of each period; the last level is held after 2050.

It runs `wardsim run --set migration.in_migrants=...` and reads the results with h5py.
Usage: calibrate_migration.py [--wardsim build/app/wardsim] [--write]
(--write replaces the `in_migrants = ...` line of baseline.toml and ipss2023.toml.)
"""

import argparse
import csv
import os
import re
import subprocess
import tempfile

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.normpath(os.path.join(HERE, ".."))
IN_MIGRANTS_2025 = 61000.0  # FY2018-2021 in-migrants: 57.6-62.4 thousand (sources/)
PEAK_YEAR = 2039  # premise of the ward's basic plan
KNOT_STEP = 5


def read_index():
    with open(os.path.join(SCENARIOS, "tables", "national_young_adult_index.csv")) as f:
        return {int(r["year"]): float(r["index"]) for r in csv.DictReader(f)}


def read_ipss_ratios():
    with open(os.path.join(SCENARIOS, "sources", "setagaya_ipss_r5_projection_total.csv")) as f:
        totals = {int(r["year"]): float(r["population_total"]) for r in csv.DictReader(f)}
    return {y: totals[y] / totals[2025] for y in totals if y > 2025}


def toml_path(path):
    return "{ " + ", ".join("%d = %d" % (y, round(v)) for y, v in sorted(path.items())) + " }"


class Engine:
    def __init__(self, wardsim):
        self.wardsim = wardsim
        self.tmp = tempfile.mkdtemp(prefix="wardsim-calibrate-")

    def totals(self, scenario, path):
        out = os.path.join(self.tmp, "run.h5")
        subprocess.run([self.wardsim, "run", "--threads", "1", "--scenario",
                        os.path.join(SCENARIOS, scenario + ".toml"), "--out", out,
                        "--set", "migration.in_migrants=" + toml_path(path)],
                       check=True, stdout=subprocess.DEVNULL)
        with h5py.File(out, "r") as f:
            years = f["dims/year"][()]
            name = list(f["scenarios"].keys())[0]
            pop = f["scenarios"][name]["population"][()]
        return {int(y): float(pop[i].sum()) for i, y in enumerate(years)}


def bisect(f, lo, hi, iterations=40):
    """Root of an increasing function f on [lo, hi]."""
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def baseline_path(index, g):
    return {y: IN_MIGRANTS_2025 * index[y] * (1 + g) ** (y - 2025)
            for y in range(2025, 2061, KNOT_STEP)}


def calibrate_baseline(engine, index):
    def peak_year(g):
        totals = engine.totals("baseline", baseline_path(index, g))
        return max(totals, key=lambda y: totals[y])
    # The peak moves later as g grows: take the middle of the range of g that peaks in PEAK_YEAR,
    # so that rounding the path to whole persons cannot move the peak.
    first = bisect(lambda g: peak_year(g) - PEAK_YEAR + 0.5, 0.0, 0.03, iterations=25)
    after = bisect(lambda g: peak_year(g) - PEAK_YEAR - 0.5, 0.0, 0.03, iterations=25)
    g = 0.5 * (first + after)
    path = baseline_path(index, g)
    totals = engine.totals("baseline", path)
    print("baseline: g = %.5f, peak %d at %.0f" % (g, max(totals, key=totals.get),
                                                  max(totals.values())))
    return path, g


def period_path(levels):
    """Levels per 5-year period starting in each key year, as a year path of flat segments."""
    path = {}
    for start, level in levels.items():
        path[start] = level
        path[start + KNOT_STEP - 1] = level
    return path


def calibrate_ipss(engine):
    ratios = read_ipss_ratios()
    levels = {}
    for year in sorted(ratios):
        def miss(value):
            trial = period_path({**levels, year - KNOT_STEP: value})
            totals = engine.totals("ipss2023", trial)
            return totals[year] / totals[2025] - ratios[year]
        levels[year - KNOT_STEP] = bisect(miss, 20000.0, 120000.0, iterations=30)
    path = period_path(levels)  # flat after the last period (assumption)
    totals = engine.totals("ipss2023", path)
    for year in sorted(ratios):
        print("ipss2023: %d  engine %.4f  IPSS %.4f" % (year, totals[year] / totals[2025],
                                                      ratios[year]))
    return path


def write_path(scenario, path):
    file = os.path.join(SCENARIOS, scenario + ".toml")
    with open(file, encoding="utf-8") as f:
        text = f.read()
    text, count = re.subn(r"^in_migrants = \{[^}]*\}", "in_migrants = " + toml_path(path), text,
                          flags=re.M)
    if count != 1:
        raise SystemExit("%s: expected exactly one 'in_migrants = { ... }' line" % file)
    with open(file, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wardsim", default=os.path.join(SCENARIOS, "..", "..", "build", "app",
                                                          "wardsim"))
    parser.add_argument("--write", action="store_true", help="update the scenario files")
    args = parser.parse_args()
    engine = Engine(args.wardsim)
    base, _ = calibrate_baseline(engine, read_index())
    ipss = calibrate_ipss(engine)
    print("baseline in_migrants = " + toml_path(base))
    print("ipss2023 in_migrants = " + toml_path(ipss))
    if args.write:
        write_path("baseline", base)
        write_path("ipss2023", ipss)


if __name__ == "__main__":
    main()
