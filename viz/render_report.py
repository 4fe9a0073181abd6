#!/usr/bin/python3
"""Draws wardsim's report from its report-data JSON (written by `wardsim report`, docs/report.md).

Usage: /usr/bin/python3 render_report.py REPORT_DATA.json OUT_DIR

Every number comes from the JSON; this script only draws. It writes OUT_DIR/charts/<chart>.png and
.svg for every chart and OUT_DIR/report.html, which embeds the PNGs as data URIs and needs nothing
else to open (no network, no other files). Run with Debian's /usr/bin/python3 (python3-matplotlib).
"""

import base64
import html
import io
import json
import math
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")  # no display: files only
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colors, font_manager, ticker  # noqa: E402
from matplotlib.collections import PatchCollection  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402

CHART_DIR = "charts"
PNG_DPI = 110
# Fonts that can draw Japanese district names; without one, charts use the romanised names.
JAPANESE_FONTS = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "TakaoGothic",
                  "VL Gothic")
COLOURS = plt.rcParams["axes.prop_cycle"].by_key()["color"]


def japanese_font():
    for name in JAPANESE_FONTS:
        try:
            font_manager.findfont(name, fallback_to_default=False)
            return name
        except ValueError:
            continue
    return None


def slug(text):
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def thousands(axis):
    axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))


def series(values):
    """JSON arrays may hold null for an undefined value (e.g. a share of an empty district)."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


class Report:
    def __init__(self, data, out_dir):
        self.data = data
        self.out_dir = out_dir
        self.years = np.array(data["years"])
        self.charts = []  # (section, chart dict)
        self.japanese = japanese_font()
        if self.japanese:
            plt.rcParams["font.family"] = ["DejaVu Sans", self.japanese]
        self.districts = {d["id"]: d for d in data["districts"]}
        os.makedirs(os.path.join(out_dir, CHART_DIR), exist_ok=True)

    def district_label(self, district_id):
        district = self.districts[district_id]
        if self.japanese and district["name_ja"] and not district["name_ja"].isascii():
            return f"{district['name_en']} {district['name_ja']}"
        return district["name_en"] or district_id

    def save(self, fig, name, section, title, text):
        """Writes the figure as PNG and SVG and remembers it for the HTML."""
        base = os.path.join(self.out_dir, CHART_DIR, name)
        # One layout pass here instead of a tight bounding box per file: it is the slow part.
        fig.tight_layout()
        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
        with open(base + ".png", "wb") as f:
            f.write(png.getvalue())
        fig.savefig(base + ".svg", metadata={"Date": None})
        plt.close(fig)
        self.charts.append((section, {"name": name, "title": title, "text": text,
                                      "png": base64.b64encode(png.getvalue()).decode("ascii")}))

    # ---- charts ----

    def ward_totals(self):
        fig, ax = plt.subplots(figsize=(9, 4.8))
        peaks = []
        for i, scenario in enumerate(self.data["scenarios"]):
            total = scenario["ward_total"]
            colour = COLOURS[i % len(COLOURS)]
            label = scenario["name"] + (f" ({scenario['title']})" if scenario["title"] else "")
            ax.plot(self.years, series(total["values"]), color=colour, lw=2, label=label)
            peak = total["peak"]
            ax.plot([peak["year"]], [peak["value"]], marker="o", ms=8, color=colour,
                    markeredgecolor="black", zorder=3)
            ax.annotate(f"peak {peak['year']}\n{peak['value']:,.0f}", (peak["year"], peak["value"]),
                        textcoords="offset points", xytext=(0, 10 + 22 * i), ha="center",
                        fontsize=8, color=colour)
            peaks.append(f"{scenario['name']}: {peak['year']} ({peak['value']:,.0f} people)")
        ax.set_xlabel("year (population on 1 January)")
        ax.set_ylabel("persons")
        thousands(ax.yaxis)
        ax.set_title("Ward population")
        ax.grid(alpha=0.3)
        ax.legend(loc="best", fontsize=9)
        ax.margins(y=0.1 + 0.08 * len(peaks))  # room above the peaks for their stacked labels
        self.save(fig, "ward_total", "Ward population", "Ward population over time",
                  "Total population of the ward on 1 January of each year, one line per scenario; "
                  "the dot marks each scenario's peak. Peaks: " + "; ".join(peaks) + ".")

    def fan_chart(self, scenario, key):
        ensemble = scenario["ensemble"]
        quantiles = sorted(ensemble["quantiles"], key=lambda q: q["level"])
        fig, ax = plt.subplots(figsize=(9, 4.8))
        bands = []
        # Pair the outermost quantiles first, so inner bands are drawn on top and darker.
        for depth in range(len(quantiles) // 2):
            low, high = quantiles[depth], quantiles[-1 - depth]
            alpha = 0.2 + 0.25 * depth
            ax.fill_between(self.years, series(low["values"]), series(high["values"]),
                            color=COLOURS[0], alpha=alpha, lw=0,
                            label=f"{low['level']:.0%}–{high['level']:.0%}")
            bands.append(f"{low['level']:.0%} to {high['level']:.0%}")
        if len(quantiles) % 2 == 1:
            median = quantiles[len(quantiles) // 2]
            ax.plot(self.years, series(median["values"]), color=COLOURS[0], lw=2,
                    label=f"{median['level']:.0%} (median)")
        if ensemble.get("mean"):
            ax.plot(self.years, series(ensemble["mean"]), color="black", lw=1, ls="--",
                    label="mean")
        ax.set_xlabel("year (population on 1 January)")
        ax.set_ylabel("persons")
        thousands(ax.yaxis)
        ax.set_title(f"Ward population, range of outcomes: {scenario['name']}")
        ax.grid(alpha=0.3)
        ax.legend(loc="best", fontsize=9)
        replicates = ensemble.get("replicates") or 0
        self.save(fig, f"fan_{key}", scenario["name"], "Range of outcomes (ensemble)",
                  f"Quantiles of the ward population over {replicates or 'the'} replicates of the "
                  f"stochastic simulation; the shaded bands hold the middle "
                  f"{' and '.join(bands)} of the replicates.")

    def pyramid_axes(self, ax, pyramid, compact):
        bands = self.data["age_bands"]
        y = np.arange(len(bands))
        base, chosen = pyramid["base"], pyramid["chosen"]
        ax.barh(y, -series(chosen["male"]), height=0.9, color=COLOURS[0], alpha=0.8,
                label=f"male {self.data['chosen_year']}")
        ax.barh(y, series(chosen["female"]), height=0.9, color=COLOURS[1], alpha=0.8,
                label=f"female {self.data['chosen_year']}")
        # The base year as an outline over the bars.
        edges = np.append(y - 0.45, y[-1] + 0.45)
        for values, sign in ((base["male"], -1), (base["female"], 1)):
            ax.stairs(sign * series(values), edges, orientation="horizontal", color="black",
                      lw=1, baseline=None, label=f"{self.data['base_year']}" if sign < 0 else None)
        limit = max(np.nanmax(series(v)) for side in (base, chosen) for v in side.values())
        ax.set_xlim(-limit * 1.08, limit * 1.08)
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{abs(v):,.0f}"))
        ax.axvline(0, color="grey", lw=0.5)
        step = 4 if compact else 2
        ax.set_yticks(y[::step], [bands[i] for i in y[::step]], fontsize=6 if compact else 8)
        ax.tick_params(axis="x", labelsize=6 if compact else 8)
        if compact:
            ax.xaxis.set_major_locator(ticker.MaxNLocator(3))

    def ward_pyramid(self, scenario, key):
        ward = next(p for p in scenario["pyramids"] if p["area"] == "ward")
        fig, ax = plt.subplots(figsize=(8, 6))
        self.pyramid_axes(ax, ward, compact=False)
        ax.set_xlabel("persons (male left, female right)")
        ax.set_ylabel("age (five-year bands)")
        ax.set_title(f"Ward population by age: {self.data['base_year']} (outline) and "
                     f"{self.data['chosen_year']} (bars), {scenario['name']}")
        ax.legend(loc="upper right", fontsize=8)
        self.save(fig, f"pyramid_{key}_ward", scenario["name"], "Population pyramid, ward",
                  f"People by sex and five-year age band in {self.data['chosen_year']} (bars, "
                  f"men left, women right) against the base year {self.data['base_year']} "
                  "(black outline): where the outline sticks out, that age group shrinks.")

    def small_multiples(self, count):
        cols = min(count, 7 if count > 12 else 4)
        rows = math.ceil(count / cols)
        fig, axes = plt.subplots(rows, cols, figsize=(2.3 * cols, 2.1 * rows + 0.6),
                                 squeeze=False)
        for ax in axes.flat[count:]:
            ax.set_visible(False)
        return fig, list(axes.flat[:count])

    def district_pyramids(self, scenario, key):
        pyramids = [p for p in scenario["pyramids"] if p["area"] != "ward"]
        if not pyramids:
            return
        fig, axes = self.small_multiples(len(pyramids))
        for ax, pyramid in zip(axes, pyramids):
            self.pyramid_axes(ax, pyramid, compact=True)
            ax.set_title(self.district_label(pyramid["area"]), fontsize=8)
        fig.suptitle(f"Population pyramids by district: {self.data['base_year']} (outline) and "
                     f"{self.data['chosen_year']} (bars), {scenario['name']}")
        self.save(fig, f"pyramids_{key}_districts", scenario["name"],
                  "Population pyramids by district",
                  "The same comparison for each district, each on its own scale: men left, women "
                  f"right, {self.data['chosen_year']} as bars, {self.data['base_year']} as an "
                  "outline.")

    def service_chart(self, scenario, key, service):
        if "demand" not in service:
            return
        demand, capacity = service["demand"], service["capacity"]
        panels = [("Ward", service["ward"])]
        panels += [(self.district_label(d["district_id"]), d) for d in service["districts"]]
        fig, axes = self.small_multiples(len(panels))
        for i, (ax, (label, panel)) in enumerate(zip(axes, panels)):
            need = series(panel["demand"])
            ax.plot(self.years, need, color=COLOURS[3], lw=1.5, label=demand["name"])
            if capacity is not None and panel["capacity"] is not None:
                have = series(panel["capacity"])
                ax.plot(self.years, have, color="black", lw=1.2, label=capacity["name"])
                ax.fill_between(self.years, need, have, where=need > have, interpolate=True,
                                color=COLOURS[3], alpha=0.3, lw=0, label="shortfall")
            ax.set_title(label, fontsize=8, fontweight="bold" if i == 0 else "normal")
            ax.tick_params(labelsize=6)
            ax.xaxis.set_major_locator(ticker.MaxNLocator(3, integer=True))
            ax.yaxis.set_major_locator(ticker.MaxNLocator(4))
            thousands(ax.yaxis)
            ax.grid(alpha=0.3)
        axes[0].legend(fontsize=6, loc="best")
        units = demand["units"] + (f" / {capacity['units']}" if capacity else "")
        fig.suptitle(f"{service['title']}: {demand['name']} vs "
                     f"{capacity['name'] if capacity else 'no capacity'} ({units}), "
                     f"{scenario['name']}")
        text = (f"{service['description']} Each panel shows the {demand['name']} (red) and the "
                f"{capacity['name'] if capacity else 'capacity'} (black) of one district over "
                "time, each on its own scale, the first panel the whole ward; red shading marks "
                "years where demand exceeds capacity.")
        if service.get("per_category_shortfall"):
            text += (" Totals are summed over the service's categories; a shortfall in one "
                     "category can hide behind spare places in another.")
        self.save(fig, f"service_{key}_{slug(service['name'])}", scenario["name"],
                  service["title"], text)

    def district_rings(self, geometry):
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]])
        return [np.array(polygon[0], dtype=float) for polygon in polygons]  # outer rings

    def map_chart(self, scenario, key, indicator):
        boundaries = self.data["boundaries"]
        ids = [d["id"] for d in self.data["districts"]]
        values = dict(zip(ids, series(indicator["values"])))
        finite = [v for v in values.values() if np.isfinite(v)]
        low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
        if low < 0 < high:  # changes: a diverging scale centred on zero
            cmap, norm = plt.get_cmap("RdBu_r"), colors.TwoSlopeNorm(0.0, low, high)
        else:
            cmap, norm = plt.get_cmap("viridis"), colors.Normalize(low, high if high > low else
                                                                    low + 1.0)
        fig, ax = plt.subplots(figsize=(8, 6.5))
        patches, facecolours, lats = [], [], []
        for feature in boundaries["features"]:
            value = values[feature["district_id"]]
            rings = self.district_rings(feature["geometry"])
            for ring in rings:
                patches.append(Polygon(ring, closed=True))
                facecolours.append(cmap(norm(value)) if np.isfinite(value) else "lightgrey")
                lats.extend(ring[:, 1])
            largest = max(rings, key=len)
            ax.text(largest[:, 0].mean(), largest[:, 1].mean(),
                    self.district_label(feature["district_id"]), fontsize=6, ha="center",
                    va="center")
        ax.add_collection(PatchCollection(patches, facecolor=facecolours, edgecolor="white",
                                          linewidth=0.8))
        ax.autoscale_view()
        # Degrees of longitude are shorter than degrees of latitude away from the equator.
        ax.set_aspect(1.0 / math.cos(math.radians(float(np.mean(lats)))))
        ax.set_xticks([])
        ax.set_yticks([])
        bar = fig.colorbar(plt.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.8)
        bar.set_label(indicator["units"])
        title = f"{indicator['label']}, {indicator['year']} ({scenario['name']})"
        if boundaries["illustrative"]:
            title += " — illustrative boundaries"
            ax.text(0.01, 0.01, "illustrative boundaries: not the surveyed district borders",
                    transform=ax.transAxes, fontsize=8, style="italic")
        ax.set_title(title, fontsize=10)
        text = (f"{indicator['label']} ({indicator['units']}) by district in {indicator['year']}. ")
        if boundaries["illustrative"]:
            text += ("The district shapes are illustrative (approximate cells around each "
                     "district centre), not the real district borders. ")
        self.save(fig, f"map_{key}_{slug(indicator['indicator'])}", scenario["name"],
                  f"Map: {indicator['label']}", text)

    def draw(self):
        self.ward_totals()
        for scenario in self.data["scenarios"]:
            key = slug(scenario["name"])
            if scenario.get("ensemble"):
                self.fan_chart(scenario, key)
            self.ward_pyramid(scenario, key)
            self.district_pyramids(scenario, key)
            for service in scenario["services"]:
                self.service_chart(scenario, key, service)
            if self.data["boundaries"]:
                for indicator in scenario["maps"]:
                    self.map_chart(scenario, key, indicator)

    # ---- HTML ----

    def provenance_html(self, scenario):
        p = scenario["provenance"]
        e = html.escape
        rows = [("scenario", f"{p['scenario_name']} — {p['scenario_title']}"),
                ("scenario file", p["scenario_file"]),
                ("wardsim version", p["wardsim_version"]),
                ("run", f"{p['mode']} kernel, {p['threads']} thread(s), seed {p['seed']}, "
                        f"created {p['created']}"),
                ("overrides", ", ".join(p["overrides"]) or "none")]
        out = ["<table class='provenance'>"]
        out += [f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in rows]
        out.append("</table><h4>Inputs and their SHA-256 digests</h4><table class='inputs'>")
        out += [f"<tr><td><code>{e(i['sha256'])}</code></td><td>{e(i['path'])}</td></tr>"
                for i in p["inputs"]]
        out.append("</table><h4>Which inputs are estimates or assumptions</h4><ul>")
        out += [f"<li>{e(x)}</li>" for x in p["estimates"]] or ["<li>none recorded</li>"]
        out.append("</ul>")
        return "\n".join(out)

    def html(self):
        e = html.escape
        d = self.data
        sections = {}
        for section, chart in self.charts:
            sections.setdefault(section, []).append(chart)
        body = [f"<h1>wardsim report: {e(os.path.basename(d['results_file']))}</h1>",
                f"<p>Results file <code>{e(d['results_file'])}</code>: {len(d['districts'])} "
                f"districts, {d['base_year']}–{d['end_year']}; pyramids and maps show "
                f"{d['chosen_year']}. Every chart is also in <code>{CHART_DIR}/</code> as PNG "
                "and SVG.</p>"]
        if not self.japanese:
            body.append("<p class='note'>District names in the charts are romanised (no font "
                        "for Japanese was installed when the report was drawn).</p>")
        if d["map_note"]:
            body.append(f"<p class='note'>{e(d['map_note'])}</p>")
        elif d["boundaries"] and d["boundaries"]["illustrative"]:
            body.append("<p class='note'>Maps use illustrative district boundaries: "
                        f"{e(d['boundaries']['note'] or d['boundaries']['source'])}</p>")
        for section, charts in sections.items():
            body.append(f"<section><h2>{e(section)}</h2>")
            for chart in charts:
                body.append(f"<figure id='{e(chart['name'])}'><h3>{e(chart['title'])}</h3>"
                            f"<img class='chart' alt='{e(chart['title'])}' "
                            f"src='data:image/png;base64,{chart['png']}'>"
                            f"<figcaption>{e(chart['text'])}</figcaption></figure>")
            scenario = next((s for s in d["scenarios"] if s["name"] == section), None)
            if scenario:
                body.append("<h3>Provenance</h3>" + self.provenance_html(scenario))
            body.append("</section>")
        body.append("<h2>Districts</h2><table class='districts'><tr><th>id</th><th>name</th>"
                    "<th>名称</th><th>region</th></tr>")
        body += [f"<tr><td>{e(x['id'])}</td><td>{e(x['name_en'])}</td><td>{e(x['name_ja'])}</td>"
                 f"<td>{e(x['region_en'])}</td></tr>" for x in d["districts"]]
        body.append("</table>")
        style = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
                 "color:#222}img.chart{max-width:100%;height:auto;border:1px solid #ddd}"
                 "figure{margin:1.5em 0}figcaption{font-size:0.9em;color:#444;max-width:60em}"
                 "table{border-collapse:collapse;font-size:0.85em}td,th{padding:2px 8px;"
                 "text-align:left;border-bottom:1px solid #eee}.note{background:#fff6d6;"
                 "padding:0.5em}code{font-size:0.9em}")
        return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
                f"<title>wardsim report: {e(os.path.basename(d['results_file']))}</title>"
                f"<style>{style}</style></head><body>\n" + "\n".join(body) +
                "\n</body></html>\n")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "wardsim-report-data" or data.get("format_version") != 1:
        print(f"{argv[1]}: not wardsim report data version 1", file=sys.stderr)
        return 2
    report = Report(data, argv[2])
    report.draw()
    with open(os.path.join(argv[2], "report.html"), "w", encoding="utf-8") as f:
        f.write(report.html())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
