#!/usr/bin/python3
"""Checks a workbook written by `wardsim export --to xlsx` against the results file it came from.

    /usr/bin/python3 check_xlsx_export.py RESULTS.h5 WORKBOOK.xlsx

Reads the results with h5py and the workbook with openpyxl (Debian's python3-h5py and
python3-openpyxl), independently of wardsim's code. The workbook must hold the indicators
population, births, childcare.demand, childcare.utilisation and school.classrooms of every
scenario. Exit 0 when everything matches, 1 with the list of differences otherwise.
"""

import math
import sys

import h5py
import openpyxl

INDICATORS = ["population", "births", "childcare.demand", "childcare.utilisation",
              "school.classrooms"]


def main(results_path, workbook_path):
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    def close(a, b):
        return isinstance(a, (int, float)) and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)

    book = openpyxl.load_workbook(workbook_path)
    check(book.sheetnames == ["README"] + INDICATORS, "sheets: %r" % book.sheetnames)

    with h5py.File(results_path, "r") as f:
        years = [int(y) for y in f["dims/year"][:]]
        flow_years = [int(y) for y in f["dims/flow_year"][:]]
        districts = list(f["dims/district"].asstr()[:])
        names_ja = list(f["dims/district_name"].asstr()[:])
        scenarios = list(f["scenarios"].keys())

        def expected_rows(name, scenario):
            """(district id, category) → list of values per year, from the HDF5 datasets."""
            g = f["scenarios"][scenario]
            rows = {}
            if name == "population":
                data = g["population"][:].sum(axis=(2, 3))          # [year, district]
            elif name == "births":
                data = g["flows/births"][:].sum(axis=2)
            else:
                service, indicator = name.split(".")
                ds = g["services"][service][indicator]
                data = ds[:]
                if data.ndim == 3:
                    labels = list(ds.attrs["category_labels"])
                    for d, district in enumerate(districts):
                        for c, label in enumerate(labels):
                            rows[(district, label)] = list(data[:, d, c])
                        rows[(district, "all")] = list(data[:, d, :].sum(axis=1))
                    for c, label in enumerate(labels + ["all"]):
                        rows[("ward", label)] = [sum(rows[(d, label)][y] for d in districts)
                                                 for y in range(data.shape[0])]
                    return rows
            for d, district in enumerate(districts):
                rows[(district, "")] = list(data[:, d])
            if ds_is_ratio(g, name):
                return rows
            rows[("ward", "")] = list(data.sum(axis=1))
            return rows

        def ds_is_ratio(g, name):
            if "." not in name:
                return False
            service, indicator = name.split(".")
            return g["services"][service][indicator].attrs["units"] in ("ratio", "share")

        for name in INDICATORS:
            if name not in book.sheetnames:
                continue
            ws = book[name]
            check(ws.freeze_panes in ("F4", "G4"), "%s: frozen at %r, not below the header rows"
                  % (name, ws.freeze_panes))
            header = [c.value for c in ws[3]]
            categories = header[5] != (years[0] if name != "births" else flow_years[0])
            first_year_col = 6 if categories else 5
            want_years = flow_years if name == "births" else years
            check(header[first_year_col:] == want_years, "%s: year columns %r" % (
                name, header[first_year_col:]))
            seen = {}
            for row in ws.iter_rows(min_row=4, values_only=True):
                scenario, district = row[0], row[1]
                category = row[5] if categories else ""
                values = list(row[first_year_col:])
                check(all(isinstance(v, (int, float)) for v in values),
                      "%s: %s %s %s: a value is not a number: %r" % (
                          name, scenario, district, category, values))
                seen[(scenario, district, category)] = values
                if district in districts:
                    check(row[2] == names_ja[districts.index(district)],
                          "%s: %s name %r" % (name, district, row[2]))
            for scenario in scenarios:
                expected = expected_rows(name, scenario)
                got = {(d, c): v for (s, d, c), v in seen.items() if s == scenario}
                check(set(got) == set(expected), "%s/%s: rows %r, expected %r" % (
                    name, scenario, sorted(got), sorted(expected)))
                for key, values in expected.items():
                    if key in got:
                        check(len(got[key]) == len(values) and
                              all(close(a, b) for a, b in zip(got[key], values)),
                              "%s/%s %r: %r, expected %r" % (name, scenario, key, got[key][:3],
                                                             values[:3]))

        readme = [r for r in book["README"].iter_rows(values_only=True)]
        text = "\n".join(" ".join(str(v) for v in r if v is not None) for r in readme)
        for scenario in scenarios:
            g = f["scenarios"][scenario]
            check("Scenario " + scenario in text, "README: no section for scenario " + scenario)
            for sha in g["provenance/input_sha256"].asstr()[:]:
                check(sha in text, "README: input digest %s missing" % sha)
            for estimate in g.attrs["estimates"]:
                check(str(estimate) in text, "README: estimate %r missing" % estimate)
        for name in INDICATORS:
            check(any(r[0] == name or (r[1] or "").startswith(name + ":") for r in readme),
                  "README: indicator %s not described" % name)

    if problems:
        print("check_xlsx_export: %d problem(s):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("check_xlsx_export: %s matches %s (%d sheets)" % (workbook_path, results_path,
                                                            len(book.sheetnames)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
