// Ward population with the levers minus the base scenario without them, by year.
import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";
import { extent } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { frame, compact } from "./frame.js";
import { t } from "../i18n.js";

export function drawDiffChart(container, { years, diff }) {
  const { svg, g, width, height } = frame(container, { height: 200 });
  svg.attr("aria-label", t("diff"));
  const [low, high] = extent([0, ...diff]);
  const pad = Math.max(1, (high - low) * 0.1);
  const x = scaleLinear().domain(extent(years)).range([0, width]);
  const y = scaleLinear().domain([low - pad, high + pad]).nice().range([height, 0]);
  g.append("g").attr("transform", `translate(0,${height})`).call(axisBottom(x).tickFormat(String).ticks(8));
  g.append("g").call(axisLeft(y).ticks(5).tickFormat(compact));
  g.append("line").attr("class", "zero").attr("x1", 0).attr("x2", width).attr("y1", y(0)).attr("y2", y(0));
  g.append("path").attr("class", "diff-area")
    .attr("d", area().x((_, i) => x(years[i])).y0(y(0)).y1((v) => y(v))(diff));
  g.append("path").attr("class", "line main").attr("d", line().x((_, i) => x(years[i])).y((v) => y(v))(diff));
}
