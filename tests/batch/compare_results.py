#!/usr/bin/python3
"""Checks that two wardsim results files hold the same datasets, value for value.

Usage: compare_results.py A.h5 B.h5 [--expect-ranks N]

Every dataset of A must exist in B with the same shape and equal values (exactly), and B must have
no dataset A lacks. Attributes that describe how a run was made (created, threads, ranks) may
differ; the others must be equal. With --expect-ranks, B's /batch must record N ranks.
"""
import sys

import h5py
import numpy as np

RUN_ATTRIBUTES = {"created", "threads", "ranks"}


def walk(group, prefix=""):
    for name, item in group.items():
        path = f"{prefix}/{name}"
        yield path, item
        if isinstance(item, h5py.Group):
            yield from walk(item, path)


def main(argv):
    a_path, b_path = argv[1], argv[2]
    problems = []
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        a_items = dict(walk(a))
        b_items = dict(walk(b))
        for path in sorted(set(a_items) ^ set(b_items)):
            problems.append(f"{path}: only in {'A' if path in a_items else 'B'}")
        datasets = 0
        for path, item in a_items.items():
            if path not in b_items:
                continue
            other = b_items[path]
            if isinstance(item, h5py.Dataset):
                datasets += 1
                x, y = item[()], other[()]
                if np.shape(x) != np.shape(y) or not np.array_equal(x, y):
                    problems.append(f"{path}: values differ")
            for key in item.attrs:
                if key in RUN_ATTRIBUTES:
                    continue
                if key not in other.attrs or not np.array_equal(item.attrs[key], other.attrs[key]):
                    problems.append(f"{path}: attribute {key} differs")
        if "--expect-ranks" in argv:
            want = int(argv[argv.index("--expect-ranks") + 1])
            if int(b["batch"].attrs["ranks"]) != want:
                problems.append(f"B was computed by {b['batch'].attrs['ranks']} ranks, not {want}")
        if datasets == 0:
            problems.append("no datasets compared")
    for problem in problems:
        print(problem)
    print(f"compared {datasets} datasets: {'equal' if not problems else 'DIFFERENT'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
