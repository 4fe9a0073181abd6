// Population pyramid by single year of age: bars for the chosen year, outline for the base year.
import { scaleLinear, scaleBand } from "d3-scale";
import { line, curveStepAfter } from "d3-shape";
import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { frame, compact } from "./frame.js";
import { t } from "../i18n.js";

export function drawPyramid(container, { male, female, baseMale, baseFemale, title }) {
  const { svg, g, width, height } = frame(container, { height: 340, margin: { top: 20, right: 12, bottom: 32, left: 36 } });
  svg.attr("aria-label", title);
  const ages = male.map((_, age) => age);
  const top = max([...male, ...female, ...baseMale, ...baseFemale]) || 1;
  const half = width / 2;
  const left = scaleLinear().domain([top, 0]).range([0, half]);
  const right = scaleLinear().domain([0, top]).range([half, width]);
  const y = scaleBand().domain(ages).range([height, 0]).paddingInner(0.1);
  g.append("g").selectAll("rect").data(male).join("rect").attr("class", "bar male")
    .attr("x", (v) => left(v)).attr("width", (v) => half - left(v))
    .attr("y", (_, age) => y(age)).attr("height", y.bandwidth());
  g.append("g").selectAll("rect").data(female).join("rect").attr("class", "bar female")
    .attr("x", half).attr("width", (v) => right(v) - half)
    .attr("y", (_, age) => y(age)).attr("height", y.bandwidth());
  // The base year as a step outline over the same bands.
  const step = (scale) => line().curve(curveStepAfter).x((v) => scale(v)).y((_, age) => y(age) + y.bandwidth());
  g.append("path").attr("class", "outline").attr("d", step(left)(baseMale));
  g.append("path").attr("class", "outline").attr("d", step(right)(baseFemale));
  g.append("g").attr("transform", `translate(0,${height})`)
    .call(axisBottom(scaleLinear().domain([-top, top]).range([0, width])).ticks(6).tickFormat((v) => compact(Math.abs(v))));
  g.append("g").call(axisLeft(scaleLinear().domain([0, 101]).range([height, 0])).ticks(10));
  g.append("text").attr("x", 4).attr("y", -6).attr("class", "legend").text(t("male"));
  g.append("text").attr("x", width - 4).attr("y", -6).attr("text-anchor", "end").attr("class", "legend").text(t("female"));
}
