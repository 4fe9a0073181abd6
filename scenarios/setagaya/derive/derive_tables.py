#!/usr/bin/python3
"""Derive wardsim's Setagaya tables from the source files in ../sources/.

Run with Debian's /usr/bin/python3 (numpy + stdlib only):

    /usr/bin/python3 derive_tables.py            # rewrite ../tables/*.csv and print a summary
    /usr/bin/python3 derive_tables.py --out DIR  # write the tables into DIR instead
    /usr/bin/python3 derive_tables.py --check    # re-derive into a temp dir; exit 1 if any
                                                 # committed table differs

Every method and every assumption is documented in ../README.md. Parameters that are assumptions
(not data) are collected in the ASSUMPTIONS block below so they are easy to find and to change.
The output is deterministic: fixed number formatting, '\n' line endings, UTF-8.
"""

import argparse
import csv
import math
import os
import shutil
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.normpath(os.path.join(HERE, "..", "sources"))
TABLES = os.path.normpath(os.path.join(HERE, "..", "tables"))

AGES = np.arange(101)  # 0..100, 100 = 100 and over
SEXES = ("male", "female")

# ------------------------------------------------------------------------------------------------
# ASSUMPTIONS (estimates, not data; every one is listed in ../README.md)
# ------------------------------------------------------------------------------------------------
BASE_YEAR = 2025
HMD_POP_YEAR = 2021          # latest HMD population year (1 January)
LIFE_TABLE_YEAR = 2020       # latest HMD female life table
HFD_YEAR = 2020              # latest HFD ASFR year
WPP_MX_PERIOD = "2015-2020"  # WPP period whose male/female mx ratio is used
E0_FIT_FROM, E0_FIT_TO = 2020, 2050

# Young-adult bump (estimate): multiplier 1 + BUMP_HEIGHT * raised cosine centred at BUMP_CENTRE
# with half-width BUMP_HALF_WIDTH, applied to the national age structure before raking to bands.
BUMP_HEIGHT = 0.5
BUMP_CENTRE = 29.0
BUMP_HALF_WIDTH = 13.0

# Rogers-Castro model schedules (assumptions). Keys: a1, alpha1 (child component), a2, mu2, alpha2,
# lambda2 (labour-force component), a3, mu3, alpha3, lambda3 (retirement component), c (constant).
# Only the shape matters: each schedule is rescaled to the level given below.
RC_OUT = dict(a1=0.012, alpha1=0.10, a2=0.080, mu2=25.0, alpha2=0.12, lambda2=0.22,
              a3=0.004, mu3=67.0, alpha3=0.20, lambda3=0.50, c=0.0035)
RC_IN = dict(a1=0.007, alpha1=0.12, a2=0.130, mu2=19.5, alpha2=0.13, lambda2=0.45,
             a3=0.0, mu3=67.0, alpha3=0.20, lambda3=0.50, c=0.001)
RC_MOVE = dict(a1=0.020, alpha1=0.10, a2=0.060, mu2=19.0, alpha2=0.09, lambda2=0.40,
               a3=0.002, mu3=70.0, alpha3=0.20, lambda3=0.50, c=0.006)
FEMALE_MU_SHIFT = -1.0       # women's labour-force peak one year earlier (assumption)
OUT_MIGRANTS_BASE = 55000.0  # out-migrants a year at base year (from the 2018-2021 flows)
IN_MIGRANTS_BASE = 61000.0   # in-migrants a year at base year (baseline.toml; from the flows)
MOVE_SHARE = 0.03            # residents moving to another district per year (assumption)
GRAVITY_DISTANCE_KM = 2.0    # distance decay of the destination gravity model (assumption)
YOUNG_ADULT_AGES = (20, 34)  # national young-adult index ages

# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------


def src(name):
    return os.path.join(SOURCES, name)


def read_csv(name):
    with open(src(name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def wpp_annual(name):
    """A WPP file with one row and one column per year -> {year: value}."""
    row = read_csv(name)[0]
    return {int(k): float(v) for k, v in row.items() if k.isdigit()}


def wpp_abridged(name, period):
    """A WPP mx file: ages 0, 1, 5, ..., 95, 100+ for one period -> array of 22 values."""
    return np.array([float(r[period]) for r in read_csv(name)])


def hmd_age(label):
    return int(label.rstrip("+-"))


# ------------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------------


class DataError(RuntimeError):
    pass


def require(cond, msg):
    if not cond:
        raise DataError(msg)


def fmt(x, sig=8):
    """Fixed formatting: up to `sig` significant digits, no exponent noise for zero."""
    if x == 0:
        return "0"
    s = "{:.{}g}".format(float(x), sig)
    if "e" in s:  # expand small numbers to plain decimals
        s = "{:.{}f}".format(float(x), sig - 1 - int(math.floor(math.log10(abs(x))))).rstrip("0")
    return s


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")


def largest_remainder(real, total):
    """Integers summing exactly to `total`, each floor(real) or floor(real)+1 (largest remainders
    first; ties broken by position)."""
    real = np.asarray(real, dtype=float)
    scaled = real * (total / real.sum()) if real.sum() > 0 else real
    base = np.floor(scaled).astype(np.int64)
    short = int(total - base.sum())
    require(0 <= short <= len(real), "largest_remainder: inconsistent total")
    order = sorted(range(len(real)), key=lambda i: (-(scaled[i] - base[i]), i))
    for i in order[:short]:
        base[i] += 1
    return base


def controlled_round(row_totals, col_totals):
    """Integer matrix with the given (integer) row and column totals that is as close as possible
    to the proportional matrix row x col / N: cumulative two-dimensional rounding,
    x[i,j] = F(i,j) - F(i-1,j) - F(i,j-1) + F(i-1,j-1) with F = round(Rcum_i * Ccum_j / N).
    Both margins hold exactly; each cell is within 2 of its real value."""
    R = np.concatenate([[0], np.cumsum(row_totals)]).astype(np.int64)
    C = np.concatenate([[0], np.cumsum(col_totals)]).astype(np.int64)
    N = int(R[-1])
    require(N == int(C[-1]), "controlled_round: margins disagree")
    # exact integer rounding of R*C/N (half up)
    F = (2 * np.outer(R, C) + N) // (2 * N)
    x = F[1:, 1:] - F[:-1, 1:] - F[1:, :-1] + F[:-1, :-1]
    require((x >= 0).all(), "controlled_round produced a negative cell")
    return x


def pchip(xk, yk, x):
    """Monotone piecewise-cubic (Fritsch-Carlson) interpolation; flat outside [xk0, xkn]."""
    xk = np.asarray(xk, float)
    yk = np.asarray(yk, float)
    h = np.diff(xk)
    delta = np.diff(yk) / h
    d = np.zeros_like(yk)
    for k in range(1, len(xk) - 1):
        if delta[k - 1] * delta[k] > 0:
            w1 = 2 * h[k] + h[k - 1]
            w2 = h[k] + 2 * h[k - 1]
            d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k])
    d[0] = d[-1] = 0.0
    x = np.clip(np.asarray(x, float), xk[0], xk[-1])
    idx = np.clip(np.searchsorted(xk, x, side="right") - 1, 0, len(xk) - 2)
    t = (x - xk[idx]) / h[idx]
    h00 = 2 * t**3 - 3 * t**2 + 1
    h10 = t**3 - 2 * t**2 + t
    h01 = -2 * t**3 + 3 * t**2
    h11 = t**3 - t**2
    return h00 * yk[idx] + h10 * h[idx] * d[idx] + h01 * yk[idx + 1] + h11 * h[idx] * d[idx + 1]


def rogers_castro(p, x, mu_shift=0.0):
    x = np.asarray(x, float)
    mu2 = p["mu2"] + mu_shift
    mu3 = p["mu3"]
    return (p["a1"] * np.exp(-p["alpha1"] * x)
            + p["a2"] * np.exp(-p["alpha2"] * (x - mu2) - np.exp(-p["lambda2"] * (x - mu2)))
            + p["a3"] * np.exp(-p["alpha3"] * (x - mu3) - np.exp(-p["lambda3"] * (x - mu3)))
            + p["c"])


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


# ------------------------------------------------------------------------------------------------
# Life tables (engine convention: ages 0..100, 100 = open group with q = 1 - exp(-m))
# ------------------------------------------------------------------------------------------------


def life_table_e0(q, a0):
    q = np.asarray(q, float)
    l = np.ones(101)
    for x in range(1, 101):
        l[x] = l[x - 1] * (1 - q[x - 1])
    d = l[:100] * q[:100]
    a = np.full(100, 0.5)
    a[0] = a0
    L = l[1:] + a * d
    m_open = -math.log(1 - q[100])
    return (L.sum() + l[100] / m_open) / l[0]


def L_for_survival(q, a0):
    """Lx 0..99 and T100 of the engine-convention table (used to age populations)."""
    l = np.ones(101)
    for x in range(1, 101):
        l[x] = l[x - 1] * (1 - q[x - 1])
    a = np.full(100, 0.5)
    a[0] = a0
    L = np.empty(101)
    L[:100] = l[1:] + a * l[:100] * q[:100]
    L[100] = l[100] / -math.log(1 - q[100])
    return L


def fit_improvement(q, a0, gain, years):
    def e0_at(r):
        return life_table_e0(np.minimum(q * (1 - r) ** years, 1 - 1e-12), a0)
    e_start = life_table_e0(q, a0)
    lo, hi = -0.05, 0.1
    f_lo = e0_at(lo) - e_start - gain
    require(f_lo < 0 < e0_at(hi) - e_start - gain, "improvement fit: target outside range")
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if e0_at(mid) - e_start - gain < 0:
            lo = mid
        else:
            hi = mid
    r = 0.5 * (lo + hi)
    return r, e_start, e0_at(r)


# ------------------------------------------------------------------------------------------------
# Derivation
# ------------------------------------------------------------------------------------------------


def derive(out_dir):
    S = {}  # summary figures
    os.makedirs(out_dir, exist_ok=True)

    # ---- districts -----------------------------------------------------------------------------
    districts = read_csv("setagaya_districts.csv")
    shutil.copyfile(src("setagaya_districts.csv"), os.path.join(out_dir, "districts.csv"))
    dist_ids = [d["district_id"] for d in districts]
    require(len(dist_ids) == 28 and len(set(dist_ids)) == 28, "expected 28 unique districts")

    # ---- mortality -----------------------------------------------------------------------------
    lt = [r for r in read_csv("japan_female_lifetable_1x1_hmd_1990_2020.csv")
          if int(r["Year"]) == LIFE_TABLE_YEAR]
    lt_age = np.array([hmd_age(r["Age"]) for r in lt])
    require((lt_age == np.arange(111)).all(), "HMD life table: ages 0..110+ expected")
    f_mx = np.array([float(r["mx"]) for r in lt])
    f_qx = np.array([float(r["qx"]) for r in lt])
    f_lx = np.array([float(r["lx"]) for r in lt])
    f_Tx = np.array([float(r["Tx"]) for r in lt])
    f_ax0 = float(lt[0]["ax"])
    hmd_e0_f = float(lt[0]["ex"])
    q_f = np.empty(101)
    q_f[:100] = f_qx[:100]
    q_f[100] = 1 - math.exp(-f_lx[100] / f_Tx[100])

    # male/female mx ratio from WPP (abridged), interpolated over single years on the log scale
    mxM = wpp_abridged("japan_mxM5.csv", WPP_MX_PERIOD)
    mxF = wpp_abridged("japan_mxF5.csv", WPP_MX_PERIOD)
    lr = np.log(mxM / mxF)
    mids = [3.0] + [x + 2.5 for x in range(5, 100, 5)] + [102.5]  # 1-4, 5-9, ..., 95-99, 100+
    ratio = np.empty(111)
    ratio[0] = math.exp(lr[0])
    ratio[1:] = np.exp(pchip(mids, lr[1:], np.arange(1, 111) + 0.5))
    m_mx = f_mx * ratio
    m0 = m_mx[0]
    male_a0 = 0.14929 - 1.99545 * m0 if m0 < 0.0230 else 0.02832 + 3.26201 * m0  # Andreev-Kingkade
    if m0 >= 0.08307:
        male_a0 = 0.29915
    a_m = np.full(110, 0.5)
    a_m[0] = male_a0
    qm_full = m_mx[:110] / (1 + (1 - a_m) * m_mx[:110])
    l_m = np.ones(111)
    for x in range(1, 111):
        l_m[x] = l_m[x - 1] * (1 - qm_full[x - 1])
    L_m = l_m[1:] + a_m * l_m[:110] * qm_full
    T100_m = L_m[100:].sum() + l_m[110] / m_mx[110]
    q_m = np.empty(101)
    q_m[:100] = qm_full[:100]
    q_m[100] = 1 - math.exp(-l_m[100] / T100_m)
    qx = {"male": q_m, "female": q_f}
    a0 = {"male": male_a0, "female": f_ax0}
    for s in SEXES:
        require(((qx[s] >= 0) & (qx[s] <= 1)).all(), "qx out of [0,1] for " + s)
    write_csv(os.path.join(out_dir, "mortality_qx.csv"), ["sex", "age", "qx"],
              [(s, x, fmt(qx[s][x])) for s in SEXES for x in AGES])

    e0M, e0F = wpp_annual("japan_e0M.csv"), wpp_annual("japan_e0F.csv")
    e0Mp, e0Fp = wpp_annual("japan_e0Mproj.csv"), wpp_annual("japan_e0Fproj.csv")
    wpp_e0 = {"male": (e0M[E0_FIT_FROM], e0Mp[E0_FIT_TO]), "female": (e0F[E0_FIT_FROM], e0Fp[E0_FIT_TO])}
    S["improvement"] = {}
    for s in SEXES:
        w0, w1 = wpp_e0[s]
        r, e_a, e_b = fit_improvement(qx[s], a0[s], w1 - w0, E0_FIT_TO - E0_FIT_FROM)
        S["improvement"][s] = (r, e_a, e_b, w0, w1)
    S["hmd_e0_f"] = hmd_e0_f
    S["a0"] = a0

    # ---- national population, aged to the base year -------------------------------------------
    pop = [r for r in read_csv("japan_population_1x1_hmd_1990_2021.csv") if int(r["Year"]) == HMD_POP_YEAR]
    nat21 = {s: np.zeros(101) for s in SEXES}
    for r in pop:
        x = min(hmd_age(r["Age"]), 100)
        nat21["male"][x] += float(r["Male"])
        nat21["female"][x] += float(r["Female"])
    births = wpp_annual("japan_births.csv")
    Lsurv = {s: L_for_survival(qx[s], a0[s]) for s in SEXES}

    def age_one_year(p, s, newborn):
        L = Lsurv[s]
        n = np.empty(101)
        n[0] = newborn
        n[1:100] = p[0:99] * L[1:100] / L[0:99]
        n[100] = (p[99] + p[100]) * L[100] / (L[99] + L[100])
        return n

    nat = {}
    for s in SEXES:
        p = nat21[s].copy()
        for y in range(HMD_POP_YEAR, BASE_YEAR):  # births of year y are age 0 on 1 Jan y+1
            b = births.get(y, births[max(births)])  # years after the last WPP estimate: held
            p = age_one_year(p, s, nat21[s][0] * b / births[HMD_POP_YEAR - 1])
        nat[s] = p
    nat_tot = nat["male"] + nat["female"]
    male_share = nat["male"] / nat_tot
    S["births_held_from"] = max(births)

    # ---- ward age structure: bump, smooth band reshaping, rake ---------------------------------
    bands_src = {r["band"]: int(r["population"]) for r in read_csv("setagaya_age_bands_2025-01-01.csv")}
    total = bands_src["total"]
    # disjoint bands implied by the published (cumulative) bands
    bands = [
        ("0-14", 0, 14, bands_src["0-14"]),
        ("15-64", 15, 64, bands_src["15-64"]),
        ("65-69", 65, 69, bands_src["65+"] - bands_src["70+"]),
        ("70-74", 70, 74, bands_src["70+"] - bands_src["75+"]),
        ("75-79", 75, 79, bands_src["75+"] - bands_src["80+"]),
        ("80-89", 80, 89, bands_src["80+"] - bands_src["90+"]),
        ("90-99", 90, 99, bands_src["90+"] - bands_src["100+"]),
        ("100+", 100, 100, bands_src["100+"]),
    ]
    require(sum(b[3] for b in bands) == total, "age bands do not add up to the ward total")
    g = np.where(np.abs(AGES - BUMP_CENTRE) < BUMP_HALF_WIDTH,
                 0.5 * (1 + np.cos(np.pi * (AGES - BUMP_CENTRE) / BUMP_HALF_WIDTH)), 0.0)
    shape = nat_tot * (1 + BUMP_HEIGHT * g)
    knots = np.array([(lo + hi + 1) / 2.0 if hi < 100 else 100.0 for _, lo, hi, _ in bands])
    # hat-function weights: log-multiplier is piecewise linear between knots, flat outside
    xc = np.minimum(AGES + 0.5, 100.0)
    W = np.zeros((len(bands), 101))
    for k in range(len(knots)):
        e = np.zeros(len(knots))
        e[k] = 1.0
        W[k] = np.interp(xc, knots, e)
    member = np.zeros((len(bands), 101))
    for j, (_, lo, hi, _) in enumerate(bands):
        member[j, lo:hi + 1] = 1.0
    target = np.array([b[3] for b in bands], float)
    u = np.log(target / (member @ shape))
    for _ in range(100):
        y = shape * np.exp(u @ W)
        resid = target - member @ y
        if np.abs(resid).max() < 1e-9:
            break
        J = (member * y) @ W.T
        u = u + np.linalg.solve(J, resid)
    y = shape * np.exp(u @ W)
    y *= (member.T @ (target / (member @ y)))  # final exact rake (a no-op up to rounding)
    ward_real = {"male": y * male_share, "female": y * (1 - male_share)}
    norm = total / shape.sum()
    S["band_multipliers"] = [(b[0], math.exp(v) / norm) for b, v in zip(bands, u)]

    # integer ward cells: largest remainder within each band (both sexes together)
    ward = {s: np.zeros(101, dtype=np.int64) for s in SEXES}
    for _, lo, hi, t in bands:
        real = np.concatenate([ward_real["male"][lo:hi + 1], ward_real["female"][lo:hi + 1]])
        ints = largest_remainder(real, t)
        n = hi - lo + 1
        ward["male"][lo:hi + 1] = ints[:n]
        ward["female"][lo:hi + 1] = ints[n:]

    # region totals (2023-12-01 shares applied to the 2025 total), districts: equal split
    regions = read_csv("setagaya_5_regions_population_2023-12-01.csv")
    reg_pop = np.array([float(r["population"]) for r in regions])
    reg_tot = largest_remainder(reg_pop, total)
    dist_tot = np.zeros(len(districts), dtype=np.int64)
    region_of = [d["region_en"] for d in districts]
    for r, rt in zip(regions, reg_tot):
        idx = [i for i, name in enumerate(region_of) if name == r["region_en"]]
        require(idx, "region without districts: " + r["region_en"])
        dist_tot[idx] = largest_remainder(np.ones(len(idx)), int(rt))
    require(set(region_of) == {r["region_en"] for r in regions}, "district regions != regions")

    cells = np.concatenate([ward["male"], ward["female"]])  # sex-major, age-minor
    base = controlled_round(dist_tot, cells)  # district x (sex, age)

    # ---- checks: exact constraints ------------------------------------------------------------
    require(int(base.sum()) == total, "ward total not reproduced")
    ward_age = base[:, :101].sum(0) + base[:, 101:].sum(0)
    for name, lo, hi, t in bands:
        require(int(ward_age[lo:hi + 1].sum()) == t, "band %s not reproduced" % name)
    for key, lo in (("65+", 65), ("70+", 70), ("75+", 75), ("80+", 80), ("90+", 90), ("100+", 100)):
        require(int(ward_age[lo:].sum()) == bands_src[key], "band %s not reproduced" % key)
    require(int(ward_age[:15].sum()) == bands_src["0-14"], "band 0-14 not reproduced")
    require(int(ward_age[15:65].sum()) == bands_src["15-64"], "band 15-64 not reproduced")
    for r, rt in zip(regions, reg_tot):
        idx = [i for i, name in enumerate(region_of) if name == r["region_en"]]
        require(int(base[idx].sum()) == int(rt), "region total not reproduced: " + r["region_en"])
    require((base.sum(1) == dist_tot).all(), "district totals not reproduced")
    require((base >= 0).all(), "negative population")
    require(base.shape == (28, 202), "every district x sex x age must be present")

    rows = []
    for i, d in enumerate(dist_ids):
        for k, s in enumerate(SEXES):
            for x in AGES:
                rows.append((d, s, x, int(base[i, k * 101 + x])))
    require(len(rows) == 28 * 2 * 101, "base population row count")
    write_csv(os.path.join(out_dir, "base_population_2025.csv"),
              ["district_id", "sex", "age", "population"], rows)
    P = {"male": base[:, :101].sum(0).astype(float), "female": base[:, 101:].sum(0).astype(float)}
    S["total"] = total
    S["regions"] = [(r["region_en"], int(t)) for r, t in zip(regions, reg_tot)]
    S["dist_tot"] = dist_tot
    S["P"] = P

    # ---- fertility -----------------------------------------------------------------------------
    asfr = [(hmd_age(r["Age"]), float(r["ASFR"]))
            for r in read_csv("japan_asfr_1x1_hfd_1990_2020.csv") if int(r["Year"]) == HFD_YEAR]
    asfr.sort()
    require(asfr[0][0] == 12 and asfr[-1][0] == 55 and len(asfr) == 44, "HFD ages 12..55 expected")
    require(all(0 <= v <= 0.5 for _, v in asfr), "asfr out of range")
    write_csv(os.path.join(out_dir, "fertility_asfr.csv"), ["age", "asfr"],
              [(x, fmt(v)) for x, v in asfr])
    tfr_src = sum(v for _, v in asfr)
    S["tfr_hfd"] = tfr_src
    S["asfr"] = asfr
    S["srb"] = wpp_annual("japan_sexRatio.csv")[BASE_YEAR]

    # ---- out-migration -------------------------------------------------------------------------
    shift = {"male": 0.0, "female": FEMALE_MU_SHIFT}
    out_shape = {s: rogers_castro(RC_OUT, AGES, shift[s]) for s in SEXES}
    k_out = OUT_MIGRANTS_BASE / sum((out_shape[s] * P[s]).sum() for s in SEXES)
    out_rate = {s: np.array([float(fmt(v)) for v in out_shape[s] * k_out]) for s in SEXES}
    for s in SEXES:
        require(((out_rate[s] >= 0) & (out_rate[s] <= 1)).all(), "out-migration rate out of [0,1]")
    write_csv(os.path.join(out_dir, "out_migration_rates.csv"), ["sex", "age", "rate"],
              [(s, x, fmt(out_rate[s][x])) for s in SEXES for x in AGES])
    out_n = {s: out_rate[s] * P[s] for s in SEXES}

    # ---- in-migrant profile: RC rates x national (origin) population; sex split = out-migrants'
    in_shape = {s: rogers_castro(RC_IN, AGES, shift[s]) * nat[s] for s in SEXES}
    out_total = sum(out_n[s].sum() for s in SEXES)
    share = {s: in_shape[s] / in_shape[s].sum() * (out_n[s].sum() / out_total) for s in SEXES}
    share_txt = {s: [fmt(v, 10) for v in share[s]] for s in SEXES}
    ssum = sum(float(v) for s in SEXES for v in share_txt[s])
    require(abs(ssum - 1) < 1e-8, "in-migration shares do not sum to 1")
    write_csv(os.path.join(out_dir, "in_migration_profile.csv"), ["sex", "age", "share"],
              [(s, x, share_txt[s][x]) for s in SEXES for x in AGES])
    in_n = {s: np.array([float(v) for v in share_txt[s]]) * IN_MIGRANTS_BASE for s in SEXES}
    S["out"] = out_n
    S["in"] = in_n

    # ---- moves between districts ---------------------------------------------------------------
    mv_shape = {s: rogers_castro(RC_MOVE, AGES, shift[s]) for s in SEXES}
    k_mv = MOVE_SHARE * total / sum((mv_shape[s] * P[s]).sum() for s in SEXES)
    mv_rate = {s: np.array([float(fmt(v)) for v in mv_shape[s] * k_mv]) for s in SEXES}
    for s in SEXES:
        require(((mv_rate[s] >= 0) & (mv_rate[s] <= 1)).all(), "move rate out of [0,1]")
    write_csv(os.path.join(out_dir, "move_rates.csv"), ["sex", "age", "rate"],
              [(s, x, fmt(mv_rate[s][x])) for s in SEXES for x in AGES])
    S["moves"] = sum((mv_rate[s] * P[s]).sum() for s in SEXES)
    S["mv_rate"] = mv_rate
    S["out_rate"] = out_rate

    lat = [float(d["approx_lat"]) for d in districts]
    lon = [float(d["approx_lon"]) for d in districts]
    rows = []
    dists = []
    for o in range(28):
        w = []
        for d in range(28):
            if d == o:
                continue
            km = haversine_km(lat[o], lon[o], lat[d], lon[d])
            dists.append(km)
            w.append((d, dist_tot[d] * math.exp(-km / GRAVITY_DISTANCE_KM)))
        wsum = sum(v for _, v in w)
        txt = [fmt(v / wsum, 12) for _, v in w[:-1]]
        last = 1.0 - sum(float(t) for t in txt)
        txt.append(fmt(last, 12))
        require(abs(sum(float(t) for t in txt) - 1.0) < 1e-9, "destination shares do not sum to 1")
        require(all(float(t) >= 0 for t in txt), "negative destination share")
        for (d, _), t in zip(w, txt):
            rows.append((dist_ids[o], dist_ids[d], t))
    write_csv(os.path.join(out_dir, "move_destinations.csv"), ["origin", "destination", "share"], rows)
    S["dist_km"] = (min(dists), max(dists))

    # ---- district factors ----------------------------------------------------------------------
    write_csv(os.path.join(out_dir, "district_factors.csv"),
              ["district_id", "fertility_multiplier", "mortality_multiplier",
               "out_migration_multiplier", "move_multiplier", "in_migration_weight"],
              [(d, "1.0", "1.0", "1.0", "1.0", int(base[i].sum())) for i, d in enumerate(dist_ids)])

    # ---- national young-adult index (cohorts aged forward, no migration) -----------------------
    # Cohorts born up to 2020 come from HMD 2021; those born 2021-2023 from WPP births; later
    # births are held at the last WPP estimate (assumption: no projected births are at hand).
    lo_a, hi_a = YOUNG_ADULT_AGES
    covered = HMD_POP_YEAR + lo_a  # last year in which every age lo..hi comes from a 2021 cohort
    last_hmd_birth_year = HMD_POP_YEAR - 1
    ya = {}
    for t in range(BASE_YEAR, 2061):
        n = 0.0
        for s in SEXES:
            L = Lsurv[s]
            for a in range(lo_a, hi_a + 1):
                born = t - a - 1  # aged a on 1 January t
                if born <= last_hmd_birth_year:
                    x = last_hmd_birth_year - born  # age on 1 January 2021
                    n += nat21[s][x] * L[a] / L[x]
                else:
                    b = births.get(born, births[max(births)])
                    n += nat21[s][0] * b / births[last_hmd_birth_year] * L[a] / L[0]
        ya[t] = n
    rows = [(t, "%.6f" % (ya[t] / ya[BASE_YEAR])) for t in sorted(ya)]
    write_csv(os.path.join(out_dir, "national_young_adult_index.csv"), ["year", "index"], rows)
    S["ya_index"] = {t: ya[t] / ya[BASE_YEAR] for t in ya}
    S["ya_covered"] = covered
    S["ya_2025"] = ya[BASE_YEAR]
    return S


# ------------------------------------------------------------------------------------------------
# Summary, check, main
# ------------------------------------------------------------------------------------------------


def summary(S):
    P = S["P"]
    tot = P["male"] + P["female"]
    N = S["total"]
    p = print
    p("Base population 1 Jan 2025: %d (male %d, female %d)" % (N, P["male"].sum(), P["female"].sum()))
    for lab, lo, hi in (("0-14", 0, 14), ("15-64", 15, 64), ("20-39", 20, 39), ("65+", 65, 100),
                        ("75+", 75, 100), ("90+", 90, 100), ("100+", 100, 100)):
        v = tot[lo:hi + 1].sum()
        p("  %-6s %8d  %6.2f %%" % (lab, v, 100 * v / N))
    p("  smooth multipliers at band knots (ward / bumped national, per capita): " +
      ", ".join("%s %.3f" % (b, m) for b, m in S["band_multipliers"]))
    p("  regions: " + ", ".join("%s %d" % r for r in S["regions"]))
    p("  district totals: min %d, max %d" % (S["dist_tot"].min(), S["dist_tot"].max()))
    asfr = S["asfr"]
    tfr_base = 0.94  # baseline.toml fertility.tfr
    births = sum(v * tfr_base / S["tfr_hfd"] * P["female"][x] for x, v in asfr)
    mab = sum(x * v for x, v in asfr) / S["tfr_hfd"]
    p("Fertility: HFD %d TFR %.4f (shape), mean age %.2f; at TFR %.2f births ~ %.0f a year "
      "(sum ASFR x women on 1 Jan); SRB %.3f" % (HFD_YEAR, S["tfr_hfd"], mab + 0.5, tfr_base, births, S["srb"]))
    p("Mortality (%d table; a0 male %.4f [Andreev-Kingkade], female %.2f [HMD])" %
      (LIFE_TABLE_YEAR, S["a0"]["male"], S["a0"]["female"]))
    for s in SEXES:
        r, ea, eb, w0, w1 = S["improvement"][s]
        p("  %-6s e0 %d %.2f (WPP %.2f) -> %d %.2f (WPP %.2f, gain %.2f); improvement r = %.5f" %
          (s, LIFE_TABLE_YEAR, ea, w0, E0_FIT_TO, eb, w1, w1 - w0, r))
    p("  HMD female e0 2020 (110+ table): %.2f" % S["hmd_e0_f"])
    out_n, in_n = S["out"], S["in"]
    o = sum(v.sum() for v in out_n.values())
    i = sum(v.sum() for v in in_n.values())
    p("Migration at base year: out %.0f, in %.0f, net %+.0f" % (o, i, i - o))
    p("  net by age group (in by age at arrival - out by age):")
    line = []
    for lo in range(0, 100, 5):
        hi = lo + 4 if lo < 95 else 100
        net = sum(in_n[s][lo:hi + 1].sum() - out_n[s][lo:hi + 1].sum() for s in SEXES)
        line.append("%s %+.0f" % ("%d-%d" % (lo, hi) if lo < 95 else "95+", net))
    for k in range(0, len(line), 5):
        p("    " + "  ".join(line[k:k + 5]))
    peak = {s: int(np.argmax(S["out_rate"][s])) for s in SEXES}
    p("  out-rate peak: male %.4f at %d, female %.4f at %d" %
      (S["out_rate"]["male"].max(), peak["male"], S["out_rate"]["female"].max(), peak["female"]))
    p("Moves between districts: %.0f a year (%.2f %% of residents); distances %.2f-%.2f km" %
      (S["moves"], 100 * S["moves"] / N, S["dist_km"][0], S["dist_km"][1]))
    p("National young-adult (%d-%d) index, 2025 = 1 (%.0f persons; HMD 2021 cohorts through %d, "
      "then WPP births, held after %d):" % (YOUNG_ADULT_AGES[0], YOUNG_ADULT_AGES[1], S["ya_2025"],
                                             S["ya_covered"], max(wpp_annual("japan_births.csv"))))
    yi = S["ya_index"]
    p("    " + "  ".join("%d %.3f" % (t, yi[t]) for t in (2025, 2030, 2035, 2040, 2041, 2050, 2060)))
    p("    implied in-migrants at 61000 x index: " +
      "  ".join("%d %.0f" % (t, 61000 * yi[t]) for t in (2025, 2030, 2035, 2040, 2050, 2060)))


def check_derivation(derive_into, tables_dir, label, suffix=".csv"):
    """Re-derives into a temporary folder and compares every table with the committed one.
    Returns the exit status: 0 when all match, 1 (with the differences printed) otherwise."""
    tmp = tempfile.mkdtemp(prefix="wardsim_derive_")
    try:
        derive_into(tmp)
        problems = []
        new = sorted(os.listdir(tmp))
        old = sorted(f for f in os.listdir(tables_dir) if f.endswith(suffix)) if os.path.isdir(tables_dir) else []
        for f in sorted(set(new) | set(old)):
            if f not in old:
                problems.append("%s: missing from %s" % (f, tables_dir))
                continue
            if f not in new:
                problems.append("%s: committed but no longer derived" % f)
                continue
            with open(os.path.join(tmp, f), "rb") as a, open(os.path.join(tables_dir, f), "rb") as b:
                la, lb = a.read().split(b"\n"), b.read().split(b"\n")
            if la != lb:
                diff = [k for k in range(max(len(la), len(lb)))
                        if k >= len(la) or k >= len(lb) or la[k] != lb[k]]
                k = diff[0]
                problems.append("%s: %d line(s) differ; first at line %d: committed %r, derived %r" % (
                    f, len(diff), k + 1, lb[k].decode() if k < len(lb) else None,
                    la[k].decode() if k < len(la) else None))
        if problems:
            print("%s --check: committed tables differ from the derivation:" % label)
            for pr in problems:
                print("  " + pr)
            return 1
        print("%s --check: all %d tables match" % (label, len(new)))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check(tables_dir):
    return check_derivation(derive, tables_dir, "derive_tables")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=TABLES, help="output folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="re-derive into a temp dir and compare with the committed tables")
    args = ap.parse_args(argv)
    try:
        if args.check:
            return check(args.out)
        S = derive(args.out)
    except DataError as e:
        print("derive_tables: ERROR: %s" % e, file=sys.stderr)
        return 2
    summary(S)
    print("tables written to %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
