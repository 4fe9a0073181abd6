// Service demand (bars) against capacity (ticks) per district in the chosen year; districts whose
// demand exceeds capacity (gap < 0) are drawn red.
import { scaleLinear, scaleBand } from "d3-scale";
import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { frame, compact } from "./frame.js";
import { t } from "../i18n.js";

export function drawServicesChart(container, { districts, demand, capacity, gap, title }) {
  const { svg, g, width, height } = frame(container, { height: 280, margin: { top: 12, right: 12, bottom: 48, left: 56 } });
  svg.attr("aria-label", title);
  const x = scaleBand().domain(districts).range([0, width]).padding(0.2);
  const top = max([...demand, ...capacity].filter(Number.isFinite)) || 1;
  const y = scaleLinear().domain([0, top * 1.05]).nice().range([height, 0]);
  g.append("g").attr("transform", `translate(0,${height})`).call(axisBottom(x))
    .selectAll("text").attr("transform", "rotate(-50)").attr("text-anchor", "end").attr("dx", "-0.4em").attr("dy", "0.2em");
  g.append("g").call(axisLeft(y).ticks(5).tickFormat(compact));
  g.append("g").selectAll("rect").data(districts).join("rect")
    .attr("class", (_, i) => `bar demand${gap[i] < 0 ? " shortfall" : ""}`)
    .attr("data-district", (d) => d)
    .attr("x", (d) => x(d)).attr("width", x.bandwidth())
    .attr("y", (_, i) => y(Math.max(0, demand[i]))).attr("height", (_, i) => height - y(Math.max(0, demand[i])))
    .append("title").text((d, i) => `${d}: ${t("demand")} ${Math.round(demand[i])}, ${t("capacity")} ${Math.round(capacity[i])}`);
  g.append("g").selectAll("line").data(districts).join("line").attr("class", "capacity-tick")
    .attr("x1", (d) => x(d) - 2).attr("x2", (d) => x(d) + x.bandwidth() + 2)
    .attr("y1", (_, i) => y(capacity[i])).attr("y2", (_, i) => y(capacity[i]));
}
