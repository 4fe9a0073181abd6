#!/usr/bin/python3
"""Derive wardsim's Setagaya service tables (../tables/services/*.csv).

Run with Debian's /usr/bin/python3 (numpy + stdlib only), after derive_tables.py (the district
split of capacities follows the base population table it writes):

    /usr/bin/python3 derive_service_tables.py            # rewrite ../tables/services/*.csv, print a summary
    /usr/bin/python3 derive_service_tables.py --out DIR  # write the tables into DIR instead
    /usr/bin/python3 derive_service_tables.py --check    # re-derive into a temp dir; exit 1 if any
                                                         # committed service table differs

Inputs: ../tables/districts.csv, ../tables/base_population_2025.csv (both derived by
derive_tables.py), ../sources/setagaya_nursery_capacity_2023-04-01.csv and
../sources/setagaya_designated_emergency_evacuation_sites.csv. Every method and assumption is
documented in ../README.md ("Service tables"); the assumed parameters are in the ASSUMPTIONS block
below. The output is deterministic: fixed number formatting, '\n' line endings, UTF-8.
"""

import argparse
import csv
import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # importing derive_tables must not leave __pycache__ behind
from derive_tables import DataError, check_derivation, fmt, haversine_km, largest_remainder, require, write_csv  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.normpath(os.path.join(HERE, "..", "sources"))
TABLES = os.path.normpath(os.path.join(HERE, "..", "tables"))
SERVICE_TABLES = os.path.join(TABLES, "services")

BASE_YEAR = 2025
SEXES = ("male", "female")

# ------------------------------------------------------------------------------------------------
# ASSUMPTIONS (estimates, not data; every one is listed in ../README.md, "Service tables")
# ------------------------------------------------------------------------------------------------

# Childcare. Age groups by age on 1 April.
CHILDCARE_GROUPS = ("age_0", "age_1_2", "age_3_5")
CHILDCARE_GROUP_AGES = {"age_0": (0,), "age_1_2": (1, 2), "age_3_5": (3, 4, 5)}
# The ward's childcare plan corrected the needs-survey figure for 0-year-olds (66.4 %) to 30.7 %
# from actual enrolment: a ward figure, not an assumption.
UPTAKE_AGE_0 = 0.307
# Split of the ward's 20,923 places over the age groups (assumption: a typical age mix of Tokyo
# licensed nurseries, with the small-scale and certified nurseries adding places under 3).
CAPACITY_AGE_MIX = {"age_0": 0.09, "age_1_2": 0.35, "age_3_5": 0.56}
# Calibration targets of the two assumed uptakes, in the base year (see README):
TARGET_SHORTFALL_1_2 = 28.0       # children aged 1-2 without a place, ward total (~1 per district)
TARGET_UTILISATION_3_5 = 0.95     # 3-5 places in use (the ward reports vacancies at these ages)

# Schools (ward-run). 61 elementary and 29 junior-high schools (the ward's count, from the issue).
SCHOOL_LEVELS = ("elementary", "junior_high")
SCHOOL_LEVEL_AGES = {"elementary": range(6, 12), "junior_high": range(12, 15)}
SCHOOLS = {"elementary": 61, "junior_high": 29}
PUBLIC_SHARE = {"elementary": 0.9, "junior_high": 0.67}   # as in baseline.toml
CLASS_SIZE_LIMIT = {"elementary": 35, "junior_high": 35}  # as in baseline.toml
CLASSROOMS_PER_SCHOOL = {"elementary": 21, "junior_high": 19}  # ordinary classrooms (assumption)

# Elderly care. Certification rate (support 1-2 and care 1-5 together) by sex and band, and the
# split over the 7 levels by band: assumptions approximating Japan's national long-term-care
# statistics (no sourced table is at hand here).
CARE_BANDS = ("65-69", "70-74", "75-79", "80-84", "85-89", "90+")
CARE_BAND_AGES = [(65, 69), (70, 74), (75, 79), (80, 84), (85, 89), (90, 100)]
CARE_LEVELS = ("support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5")
CERTIFIED_SHARE = {
    "male":   (0.030, 0.060, 0.110, 0.210, 0.380, 0.600),
    "female": (0.028, 0.056, 0.130, 0.290, 0.530, 0.780),
}
LEVEL_MIX = {  # by band; each row sums to 1
    "65-69": (0.13, 0.15, 0.19, 0.19, 0.13, 0.12, 0.09),
    "70-74": (0.15, 0.15, 0.20, 0.18, 0.12, 0.11, 0.09),
    "75-79": (0.16, 0.15, 0.21, 0.17, 0.12, 0.11, 0.08),
    "80-84": (0.15, 0.14, 0.22, 0.17, 0.13, 0.12, 0.07),
    "85-89": (0.12, 0.13, 0.22, 0.18, 0.14, 0.13, 0.08),
    "90+":   (0.08, 0.10, 0.20, 0.18, 0.16, 0.17, 0.11),
}
RESIDENTIAL_RATE = 0.26       # as in baseline.toml: share of care level 3+ needing a residential place
RESIDENTIAL_COVERAGE = 0.95   # base-year places / base-year residential demand (assumption)

# Infrastructure: headship and living-alone rates by sex and band (shapes are assumptions; both are
# scaled to the targets below and rounded to 4 decimals).
HEADSHIP_BANDS = tuple("%d-%d" % (lo, lo + 4) for lo in range(15, 85, 5)) + ("85+",)
HEADSHIP_BAND_AGES = [(lo, lo + 4) for lo in range(15, 85, 5)] + [(85, 100)]
HEADSHIP_SHAPE = {
    #         15   20   25   30   35   40   45   50   55   60   65   70   75   80   85+
    "male":   (.05, .55, .70, .78, .84, .87, .89, .90, .91, .91, .91, .91, .90, .88, .80),
    "female": (.05, .50, .50, .38, .28, .24, .23, .23, .24, .26, .30, .35, .42, .46, .42),
}
SINGLE_SHAPE = {
    "male":   (.04, .50, .55, .42, .32, .27, .25, .24, .23, .22, .20, .18, .17, .17, .18),
    "female": (.04, .45, .45, .30, .20, .16, .15, .15, .16, .18, .22, .27, .33, .38, .36),
}
AVERAGE_HOUSEHOLD_SIZE = 1.92   # ~943,700 census people / ~490,000 households (approximate)
SINGLE_PERSON_SHARE = 0.50      # of all households (assumption)
# Shelters.
PLACES_PER_EVACUATION_SITE = 300       # persons per facility (assumption: a gymnasium at ~2 m2 each)
WELFARE_SHELTER_PER_75_PLUS = 0.02     # welfare-shelter places per resident aged 75+ (assumption)

# ------------------------------------------------------------------------------------------------


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_inputs():
    districts = read_csv(os.path.join(TABLES, "districts.csv"))
    ids = [d["district_id"] for d in districts]
    index = {d: k for k, d in enumerate(ids)}
    pop = {s: np.zeros((len(ids), 101)) for s in SEXES}
    for r in read_csv(os.path.join(TABLES, "base_population_2025.csv")):
        pop[r["sex"]][index[r["district_id"]], int(r["age"])] += float(r["population"])
    nursery = read_csv(os.path.join(SOURCES, "setagaya_nursery_capacity_2023-04-01.csv"))
    sites = read_csv(os.path.join(SOURCES, "setagaya_designated_emergency_evacuation_sites.csv"))
    return districts, ids, pop, nursery, sites


def april_counts(p):
    """Persons by age on 1 April from persons by age on 1 January (district x age):
    N(a) = 0.75 P(a) + 0.25 P(a-1); for age 0 the children born January-March replace those who
    turn 1, N(0) = P(0)."""
    n = 0.75 * p
    n[:, 1:] += 0.25 * p[:, :-1]
    n[:, 0] = p[:, 0]
    return n


def band_sum(p, lo, hi):
    return p[:, lo:hi + 1].sum(axis=1)


def derive(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    districts, ids, pop, nursery, sites = read_inputs()
    D = len(ids)
    both = pop["male"] + pop["female"]
    apr = april_counts(both)
    S = {"ids": ids}

    # --- childcare ------------------------------------------------------------------------------
    total_row = [r for r in nursery if r["facility_type_en"] == "total"]
    require(len(total_row) == 1, "nursery capacity: no single total row")
    places_total = int(total_row[0]["capacity"])
    by_type = sum(int(r["capacity"]) for r in nursery if r["facility_type_en"] != "total")
    require(places_total == by_type == 20923, "nursery capacity: total %d, types %d" % (
        places_total, by_type))
    require(abs(sum(CAPACITY_AGE_MIX.values()) - 1) < 1e-12, "capacity age mix must sum to 1")
    group_totals = largest_remainder([CAPACITY_AGE_MIX[g] for g in CHILDCARE_GROUPS], places_total)
    children = {g: sum(apr[:, a] for a in CHILDCARE_GROUP_AGES[g]) for g in CHILDCARE_GROUPS}
    places = {g: largest_remainder(children[g], int(group_totals[k]))
              for k, g in enumerate(CHILDCARE_GROUPS)}
    uptake = {
        "age_0": UPTAKE_AGE_0,
        "age_1_2": round((group_totals[1] + TARGET_SHORTFALL_1_2) / children["age_1_2"].sum(), 4),
        "age_3_5": round(TARGET_UTILISATION_3_5 * group_totals[2] / children["age_3_5"].sum(), 3),
    }
    shortfall = {g: np.maximum(uptake[g] * children[g] - places[g], 0.0) for g in CHILDCARE_GROUPS}
    total_shortfall = sum(v.sum() for v in shortfall.values())
    require(10 <= total_shortfall <= 99, "childcare shortfall %.1f is not tens" % total_shortfall)
    write_csv(os.path.join(out_dir, "childcare_uptake.csv"), ("age_group", "uptake"),
              [(g, fmt(uptake[g])) for g in CHILDCARE_GROUPS])
    write_csv(os.path.join(out_dir, "childcare_places.csv"),
              ("district_id", "age_group", "from_year", "places"),
              [(ids[d], g, BASE_YEAR, int(places[g][d])) for d in range(D) for g in CHILDCARE_GROUPS])
    S["childcare"] = dict(total=places_total, group_totals=group_totals, children=children,
                          uptake=uptake, places=places, shortfall=shortfall)

    # --- schools --------------------------------------------------------------------------------
    classrooms, needed = {}, {}
    for level in SCHOOL_LEVELS:
        pupils = PUBLIC_SHARE[level] * np.stack([apr[:, a] for a in SCHOOL_LEVEL_AGES[level]], axis=1)
        needed[level] = np.ceil(pupils / CLASS_SIZE_LIMIT[level] - 1e-9).sum(axis=1)
        total = SCHOOLS[level] * CLASSROOMS_PER_SCHOOL[level]
        classrooms[level] = largest_remainder(pupils.sum(axis=1), total)
        util = needed[level].sum() / total
        require(0.85 <= util <= 0.95, "%s utilisation %.3f outside 85-95 %%" % (level, util))
    write_csv(os.path.join(out_dir, "school_classrooms.csv"),
              ("district_id", "school_level", "from_year", "classrooms"),
              [(ids[d], lv, BASE_YEAR, int(classrooms[lv][d])) for d in range(D) for lv in SCHOOL_LEVELS])
    S["school"] = dict(classrooms=classrooms, needed=needed)

    # --- elderly care ---------------------------------------------------------------------------
    rates = {}
    for s in SEXES:
        for b, band in enumerate(CARE_BANDS):
            mix = LEVEL_MIX[band]
            require(abs(sum(mix) - 1) < 1e-12, "level mix of %s must sum to 1" % band)
            for lv, level in enumerate(CARE_LEVELS):
                rates[s, band, level] = round(CERTIFIED_SHARE[s][b] * mix[lv], 5)
    write_csv(os.path.join(out_dir, "care_certification.csv"),
              ("sex", "age_band", "care_level", "rate"),
              [(s, band, level, fmt(rates[s, band, level])) for s in SEXES for band in CARE_BANDS
               for level in CARE_LEVELS])
    certified = np.zeros((D, len(CARE_LEVELS)))
    for s in SEXES:
        for band, (lo, hi) in zip(CARE_BANDS, CARE_BAND_AGES):
            n = band_sum(pop[s], lo, hi)
            for lv, level in enumerate(CARE_LEVELS):
                certified[:, lv] += n * rates[s, band, level]
    residential_demand = RESIDENTIAL_RATE * certified[:, 4:].sum(axis=1)
    care_places = largest_remainder(residential_demand,
                                    int(round(RESIDENTIAL_COVERAGE * residential_demand.sum())))
    write_csv(os.path.join(out_dir, "care_places.csv"), ("district_id", "from_year", "places"),
              [(ids[d], BASE_YEAR, int(care_places[d])) for d in range(D)])
    S["care"] = dict(certified=certified, residential_demand=residential_demand, places=care_places,
                     pop65=sum(band_sum(pop[s], 65, 100) for s in SEXES))

    # --- infrastructure: households -------------------------------------------------------------
    persons = {s: np.array([band_sum(pop[s], lo, hi).sum() for lo, hi in HEADSHIP_BAND_AGES])
               for s in SEXES}
    target_households = both.sum() / AVERAGE_HOUSEHOLD_SIZE
    k_head = target_households / sum((persons[s] * np.array(HEADSHIP_SHAPE[s])).sum() for s in SEXES)
    k_single = SINGLE_PERSON_SHARE * target_households / sum(
        (persons[s] * np.array(SINGLE_SHAPE[s])).sum() for s in SEXES)
    head = {s: np.round(k_head * np.array(HEADSHIP_SHAPE[s]), 4) for s in SEXES}
    single = {s: np.round(k_single * np.array(SINGLE_SHAPE[s]), 4) for s in SEXES}
    for s in SEXES:
        require(((0 <= single[s]) & (single[s] <= head[s]) & (head[s] <= 1)).all(),
                "headship: need 0 <= single-person rate <= headship rate <= 1 (%s)" % s)
    write_csv(os.path.join(out_dir, "headship_rates.csv"),
              ("sex", "age_band", "headship_rate", "single_person_rate"),
              [(s, band, fmt(head[s][b]), fmt(single[s][b])) for s in SEXES
               for b, band in enumerate(HEADSHIP_BANDS)])
    households = sum((persons[s] * head[s]).sum() for s in SEXES)
    singles = sum((persons[s] * single[s]).sum() for s in SEXES)
    alone75 = sum((persons[s][12:] * single[s][12:]).sum() for s in SEXES)
    S["households"] = dict(k_head=k_head, k_single=k_single, households=households,
                           singles=singles, alone75=alone75, persons=both.sum())

    # --- infrastructure: shelters ---------------------------------------------------------------
    require(len(sites) == 52, "expected the 52 designated emergency evacuation sites")
    centres = [(float(d["approx_lat"]), float(d["approx_lon"])) for d in districts]
    facilities = {}  # (name, address) -> district index; a facility listed per hazard counts once
    for site in sites:
        lat, lon = float(site["lat"]), float(site["lon"])
        dist = [haversine_km(lat, lon, c[0], c[1]) for c in centres]
        nearest = min(range(D), key=lambda k: (dist[k], k))
        key = (site["name"], site["address"])
        require(facilities.get(key, nearest) == nearest, "facility %s split over districts" % key[0])
        facilities[key] = nearest
    site_count = np.zeros(D, dtype=np.int64)
    for k in facilities.values():
        site_count[k] += 1
    shelter = site_count * PLACES_PER_EVACUATION_SITE
    pop75 = band_sum(both, 75, 100)
    welfare = largest_remainder(pop75, int(round(WELFARE_SHELTER_PER_75_PLUS * pop75.sum())))
    write_csv(os.path.join(out_dir, "shelter_places.csv"),
              ("district_id", "from_year", "welfare_shelter_places", "shelter_places"),
              [(ids[d], BASE_YEAR, int(welfare[d]), int(shelter[d])) for d in range(D)])
    S["shelters"] = dict(entries=len(sites), facilities=len(facilities), site_count=site_count,
                         shelter=shelter, welfare=welfare, pop75=pop75)
    return S


def summary(S):
    p = print
    ids = S["ids"]
    c = S["childcare"]
    p("Childcare (base year %d; children by age on 1 April, N(a) = 0.75 P(a) + 0.25 P(a-1), "
      "N(0) = P(0)):" % BASE_YEAR)
    for k, g in enumerate(CHILDCARE_GROUPS):
        n = c["children"][g].sum()
        demand = c["uptake"][g] * n
        p("  %-7s children %7.0f  uptake %-6s demand %7.1f  places %5d  utilisation %5.1f %%  "
          "shortfall %5.1f" % (g, n, fmt(c["uptake"][g]), demand, c["group_totals"][k],
                               100 * demand / c["group_totals"][k], c["shortfall"][g].sum()))
    total = sum(v.sum() for v in c["shortfall"].values())
    short_d = sum(c["shortfall"].values())
    p("  ward places %d; shortfall summed over districts and groups %.1f children "
      "(%d districts short, largest %.1f in %s)" % (
          c["total"], total, int((short_d > 0).sum()), short_d.max(), ids[int(np.argmax(short_d))]))
    s = S["school"]
    p("Schools (public pupils, classes per grade with the class-size limit, ceil per district):")
    for lv in SCHOOL_LEVELS:
        p("  %-11s classrooms %4d (%d schools x %d)  needed %4.0f  utilisation %.1f %%  "
          "district range %.0f-%.0f %%" % (
              lv, s["classrooms"][lv].sum(), SCHOOLS[lv], CLASSROOMS_PER_SCHOOL[lv],
              s["needed"][lv].sum(), 100 * s["needed"][lv].sum() / s["classrooms"][lv].sum(),
              100 * (s["needed"][lv] / s["classrooms"][lv]).min(),
              100 * (s["needed"][lv] / s["classrooms"][lv]).max()))
    e = S["care"]
    cert = e["certified"].sum(axis=0)
    p("Elderly care: certified %.0f (%.1f %% of 65+ %d); by level %s" % (
        cert.sum(), 100 * cert.sum() / e["pop65"].sum(), e["pop65"].sum(),
        ", ".join("%s %.0f" % (lv, v) for lv, v in zip(CARE_LEVELS, cert))))
    p("  care level 3+ %.0f; residential demand %.0f; places %d (%.0f %%)" % (
        cert[4:].sum(), e["residential_demand"].sum(), e["places"].sum(),
        100 * e["places"].sum() / e["residential_demand"].sum()))
    h = S["households"]
    p("Households: %.0f (average size %.3f); single-person %.0f (%.1f %%); 75+ living alone %.0f; "
      "scale factors headship %.4f, single %.4f" % (
          h["households"], h["persons"] / h["households"], h["singles"],
          100 * h["singles"] / h["households"], h["alone75"], h["k_head"], h["k_single"]))
    sh = S["shelters"]
    p("Shelters: %d site entries = %d facilities, %d places at %d each; districts without a site: %s"
      % (sh["entries"], sh["facilities"], sh["shelter"].sum(), PLACES_PER_EVACUATION_SITE,
         ", ".join(ids[d] for d in range(len(ids)) if sh["site_count"][d] == 0) or "none"))
    p("  sites per district: " + " ".join("%s %d" % (ids[d], sh["site_count"][d])
                                          for d in range(len(ids)) if sh["site_count"][d] > 0))
    p("  welfare-shelter places %d (%.0f per 1,000 residents aged 75+, %d)" % (
        sh["welfare"].sum(), 1000 * WELFARE_SHELTER_PER_75_PLUS, sh["pop75"].sum()))


def check(out_dir):
    return check_derivation(derive, out_dir, "derive_service_tables")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=SERVICE_TABLES, help="output folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="re-derive into a temp dir and compare with the committed tables")
    args = ap.parse_args(argv)
    try:
        if args.check:
            return check(args.out)
        S = derive(args.out)
    except DataError as e:
        print("derive_service_tables: ERROR: %s" % e, file=sys.stderr)
        return 2
    summary(S)
    print("tables written to %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
