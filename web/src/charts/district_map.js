// District choropleth on the bundled (illustrative) boundaries, projected with d3-geo.
import { select } from "d3-selection";
import { geoMercator, geoPath } from "d3-geo";
import { scaleSequential, scaleDiverging } from "d3-scale";
import { interpolateYlGnBu, interpolateRdBu } from "d3-scale-chromatic";
import { extent } from "d3-array";
import { t, label, formatCount } from "../i18n.js";
import { widthOf } from "./frame.js";

function formatValue(value, indicator) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return indicator?.kind === "ratio" ? value.toFixed(3) : formatCount(value);
}

// values: Map district id → number. onPick(id) when a district is clicked.
export function drawDistrictMap(container, { geo, meta, values, indicator, selected, diverging, onPick }) {
  const width = Math.max(280, widthOf(container, 480));
  const height = Math.round(width * 0.8);
  const root = select(container);
  root.selectAll("*").remove();
  if (!geo) {
    root.append("p").attr("class", "muted").text("–");
    return;
  }
  const svg = root.append("svg").attr("viewBox", `0 0 ${width} ${height + 36}`).attr("width", "100%")
    .attr("role", "img").attr("aria-label", `${t("map")} (${t("illustrative")})`);
  const projection = geoMercator().fitExtent([[4, 4], [width - 4, height - 4]], geo);
  const path = geoPath(projection);
  const numbers = [...values.values()].filter(Number.isFinite);
  const [low, high] = numbers.length ? extent(numbers) : [0, 1];
  let colour;
  if (diverging) {
    const bound = Math.max(Math.abs(low), Math.abs(high)) || 1;
    colour = scaleDiverging(interpolateRdBu).domain([-bound, 0, bound]);
  } else {
    colour = scaleSequential(interpolateYlGnBu).domain([low, high === low ? low + 1 : high]);
  }
  const byId = new Map(meta.districts.map((d) => [d.id, d]));
  const shapes = svg.append("g").selectAll("path").data(geo.features).join("path")
    .attr("d", path)
    .attr("class", (f) => `district${f.properties.district_id === selected ? " selected" : ""}`)
    .attr("data-district", (f) => f.properties.district_id)
    .attr("fill", (f) => {
      const value = values.get(f.properties.district_id);
      return Number.isFinite(value) ? colour(value) : "#ddd";
    })
    .attr("tabindex", 0)
    .on("click", (_, f) => onPick?.(f.properties.district_id))
    .on("keydown", (event, f) => { if (event.key === "Enter") onPick?.(f.properties.district_id); });
  shapes.append("title").text((f) => {
    const id = f.properties.district_id;
    const name = byId.has(id) ? label(byId.get(id), "name") : (f.properties.name_en ?? "");
    return `${id} ${name}: ${formatValue(values.get(id), indicator)}`;
  });
  // Legend: a gradient bar from the lowest to the highest value.
  const legend = svg.append("g").attr("transform", `translate(8,${height + 8})`);
  const steps = 24;
  const barWidth = Math.min(240, width - 16);
  for (let i = 0; i < steps; ++i) {
    const value = diverging
      ? colour.domain()[0] + (i / (steps - 1)) * (colour.domain()[2] - colour.domain()[0])
      : low + (i / (steps - 1)) * (high - low);
    legend.append("rect").attr("x", (i * barWidth) / steps).attr("width", barWidth / steps + 0.5)
      .attr("height", 10).attr("fill", colour(value));
  }
  const ends = diverging ? [colour.domain()[0], colour.domain()[2]] : [low, high];
  legend.append("text").attr("y", 24).attr("class", "legend").text(formatValue(ends[0], indicator));
  legend.append("text").attr("x", barWidth).attr("y", 24).attr("text-anchor", "end").attr("class", "legend")
    .text(formatValue(ends[1], indicator));
}
