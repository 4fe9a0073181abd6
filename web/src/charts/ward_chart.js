// Ward total by year with its peak marked; the base scenario (no levers) as a dashed reference.
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { extent } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { frame, compact } from "./frame.js";
import { t, formatCount } from "../i18n.js";

export function drawWardChart(container, { years, population, base, peak, selectedYear }) {
  const { svg, g, width, height } = frame(container);
  svg.attr("aria-label", t("ward_total"));
  const [low, high] = extent([...population, ...base]);
  const pad = (high - low) * 0.08 || high * 0.01 || 1;
  const x = scaleLinear().domain(extent(years)).range([0, width]);
  const y = scaleLinear().domain([low - pad, high + pad]).nice().range([height, 0]);
  g.append("g").attr("transform", `translate(0,${height})`).call(axisBottom(x).tickFormat(String).ticks(8));
  g.append("g").call(axisLeft(y).tickFormat(compact).ticks(6));
  if (selectedYear !== undefined) {
    g.append("line").attr("class", "year-marker")
      .attr("x1", x(selectedYear)).attr("x2", x(selectedYear)).attr("y1", 0).attr("y2", height);
  }
  const path = line().x((_, i) => x(years[i])).y((v) => y(v));
  g.append("path").attr("class", "line base").attr("d", path(base));
  g.append("path").attr("class", "line main").attr("d", path(population));
  if (peak) {
    const px = x(peak.year);
    const py = y(peak.population);
    g.append("circle").attr("class", "peak").attr("cx", px).attr("cy", py).attr("r", 5);
    g.append("text").attr("class", "peak-label")
      .attr("x", Math.min(px, width - 120)).attr("y", Math.max(py - 10, 10))
      .text(`${t("peak")} ${peak.year}: ${formatCount(peak.population)}`);
  }
}
