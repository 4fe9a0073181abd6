// A responsive SVG with margins, shared by every chart.
import { select } from "d3-selection";

// Widths read once per redraw, before any chart changes the page: reading clientWidth after a
// chart has replaced its SVG would force a layout of the whole page for every chart.
const widths = new WeakMap();

export function measure(containers) {
  for (const container of containers) widths.set(container, container.clientWidth);
}

export function widthOf(container, fallback) {
  return widths.get(container) || container.clientWidth || fallback;
}

export function frame(container, { height = 260, margin = { top: 16, right: 16, bottom: 32, left: 64 } } = {}) {
  const width = Math.max(280, widthOf(container, 560));
  const root = select(container);
  root.selectAll("svg").remove();
  const svg = root.append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", "100%")
    .attr("role", "img");
  const g = svg.append("g").attr("transform", `translate(${margin.left},${margin.top})`);
  return { svg, g, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom, margin };
}

export function compact(value) {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(abs >= 1e5 ? 0 : 1)}k`;
  return Number.isInteger(value) ? `${value}` : value.toFixed(abs < 10 ? 1 : 0);
}
