// wardsim serve's page: levers → POST api/project → charts. Every change is debounced; a newer
// request aborts the older one and a sequence number drops any answer that is no longer the latest,
// so the page only ever draws the numbers of the levers on screen.
import "./style.css";
import { getJson, postJson, postForFile, saveBlob, ApiError } from "./api.js";
import { t, label, setLanguage, currentLanguage, translatePage, formatCount, formatSigned } from "./i18n.js";
import { el, option, clear } from "./dom.js";
import { LeverPanel } from "./levers.js";
import rewind from "@mapbox/geojson-rewind";
import { drawWardChart } from "./charts/ward_chart.js";
import { drawDistrictMap } from "./charts/district_map.js";
import { drawPyramid } from "./charts/pyramid.js";
import { drawServicesChart } from "./charts/services_chart.js";
import { drawDiffChart } from "./charts/diff_chart.js";
import { measure } from "./charts/frame.js";

const DEBOUNCE_MS = 40;
const JOB_POLL_MS = 400;
const $ = (id) => document.getElementById(id);
const testid = (name) => document.querySelector(`[data-testid="${name}"]`);

const state = {
  meta: null,
  geo: null,
  base: null,
  year: null,
  district: "ward",
  indicator: null,
  service: null,
  result: null,
  sequence: 0,
  controller: null,
  timer: null,
  changedAt: null,
};
let levers = null;

// ---- errors -------------------------------------------------------------------------------------

function showError(error) {
  const problems = error instanceof ApiError ? error.problems : [String(error?.message ?? error)];
  clear($("error-list")).append(...problems.map((problem) => el("li", {}, problem)));
  $("error").hidden = false;
}

function clearError() {
  $("error").hidden = true;
  clear($("error-list"));
}

// ---- requests -----------------------------------------------------------------------------------

function requestBody() {
  return { base: state.base, levers: levers.levers() };
}

function scheduleProject() {
  state.changedAt ??= performance.now();
  clearTimeout(state.timer);
  state.timer = setTimeout(project, DEBOUNCE_MS);
}

async function project() {
  const sequence = ++state.sequence;
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const changedAt = state.changedAt ?? performance.now();
  state.changedAt = null;
  document.body.dataset.pending = String(sequence);
  $("busy").hidden = false;
  const sentAt = performance.now();
  try {
    const result = await postJson("api/project",
      { ...requestBody(), view: { year: state.year, district: state.district } }, { signal: controller.signal });
    if (sequence !== state.sequence) return; // a newer change is on its way
    const answeredAt = performance.now();
    state.result = result;
    clearError();
    drawAll();
    const drawnAt = performance.now();
    testid("timing-rtt").dataset.answer = (answeredAt - sentAt).toFixed(1);
    testid("timing-rtt").dataset.draw = (drawnAt - answeredAt).toFixed(1);
    testid("timing-server").textContent = Number(result.timing_ms?.total ?? NaN).toFixed(1);
    testid("timing-rtt").textContent = (drawnAt - sentAt).toFixed(1);
    testid("timing-rtt").dataset.changeToDrawn = (drawnAt - changedAt).toFixed(1);
    document.body.dataset.drawn = String(sequence);
  } catch (error) {
    if (error.name === "AbortError" || sequence !== state.sequence) return;
    showError(error);
    document.body.dataset.failed = String(sequence);
  } finally {
    if (sequence === state.sequence) {
      $("busy").hidden = true;
      delete document.body.dataset.pending;
    }
  }
}

// ---- drawing ------------------------------------------------------------------------------------

function yearIndex(year) {
  return state.result.years.indexOf(year);
}

function districtName(id) {
  if (id === "ward") return t("ward");
  const district = state.meta.districts.find((d) => d.id === id);
  return district ? label(district, "name") : id;
}

function setFigure(name, value, text = formatCount(value)) {
  const node = testid(name);
  node.textContent = text;
  node.dataset.value = String(value);
}

function drawSummary() {
  const r = state.result;
  const yi = Math.max(0, yearIndex(state.year));
  const last = r.years.length - 1;
  testid("year-label").textContent = String(r.years[yi]);
  testid("final-year-label").textContent = String(r.years[last]);
  setFigure("ward-year", r.ward.population[yi]);
  setFigure("ward-final", r.ward.population[last]);
  const peak = r.ward.peak;
  setFigure("ward-peak", peak?.population, peak ? `${peak.year}: ${formatCount(peak.population)}` : "–");
  const groups = r.ward.age_groups ?? {};
  setFigure("age-0-5", groups["0-5"]?.[yi]);
  setFigure("age-65-plus", (groups["65-74"]?.[yi] ?? NaN) + (groups["75+"]?.[yi] ?? NaN));
  const diff = r.baseline_diff?.ward_population?.[last] ?? 0;
  setFigure("diff-final", diff, formatSigned(diff));
}

function drawMap() {
  const r = state.result;
  const yi = yearIndex(state.year);
  const indicator = state.meta.indicators.find((i) => i.key === state.indicator);
  const values = new Map();
  let diverging = false;
  if (state.indicator === "__diff") {
    diverging = true;
    r.districts.forEach((id, d) => values.set(id, r.baseline_diff?.district_population?.[d]?.[yi]));
  } else {
    const table = r.district_indicators?.[state.indicator] ?? [];
    r.districts.forEach((id, d) => values.set(id, table[d]?.[yi]));
  }
  drawDistrictMap($("map"), {
    geo: state.geo, meta: state.meta, values, indicator, diverging, selected: state.district,
    onPick: (id) => {
      state.district = id;
      $("district").value = id;
      scheduleProject();
    },
  });
}

function drawServices() {
  const r = state.result;
  const service = r.services?.find((s) => s.key === state.service) ?? r.services?.[0];
  if (!service) {
    clear($("services"));
    return;
  }
  const yi = yearIndex(state.year);
  const at = (table) => r.districts.map((_, d) => table?.[d]?.[yi] ?? NaN);
  const meta = state.meta.services.find((s) => s.key === service.key);
  drawServicesChart($("services"), {
    districts: r.districts, demand: at(service.demand), capacity: at(service.capacity), gap: at(service.gap),
    title: label(meta),
  });
  setFigure("ward-shortfall", service.ward_shortfall?.[yi] ?? 0);
}

function drawAll() {
  const r = state.result;
  if (!r) return;
  const diff = r.baseline_diff?.ward_population ?? r.ward.population.map(() => 0);
  measure(document.querySelectorAll(".chart"));
  drawSummary();
  drawWardChart($("ward-chart"), {
    years: r.years, population: r.ward.population, base: r.ward.population.map((v, i) => v - diff[i]),
    peak: r.ward.peak, selectedYear: state.year,
  });
  drawMap();
  const p = r.pyramid;
  if (p) {
    drawPyramid($("pyramid"), {
      male: p.male, female: p.female, baseMale: p.base_male, baseFemale: p.base_female,
      title: `${t("pyramid")} ${districtName(p.district)} ${p.year}`,
    });
  }
  drawServices();
  drawDiffChart($("diff"), { years: r.years, diff });
  $("scenario-toml").textContent = r.scenario_toml ?? "";
}

// ---- selects that depend on the language --------------------------------------------------------

function fillSelects() {
  const meta = state.meta;
  clear($("base")).append(...meta.base_scenarios.map((s) => option(s.id, s.title ? `${s.name} — ${s.title}` : s.name, s.id === state.base)));
  clear($("indicator")).append(
    ...meta.indicators.map((i) => option(i.key, label(i), i.key === state.indicator)),
    option("__diff", t("diff"), state.indicator === "__diff"));
  clear($("district")).append(option("ward", t("ward"), state.district === "ward"),
    ...meta.districts.map((d) => option(d.id, `${d.id} ${label(d, "name")}`, d.id === state.district)));
  clear($("service")).append(...meta.services.map((s) => option(s.key, label(s), s.key === state.service)));
  clear($("targets")).append(...(meta.targets_presets ?? []).map((p) => option(p.id, p.title ?? p.id)));
}

function applyLanguage(lang) {
  setLanguage(lang);
  translatePage();
  fillSelects();
  levers.relabel();
  drawAll();
  if (lastBackcast) drawBackcast(lastBackcast);
}

// ---- backcasting --------------------------------------------------------------------------------

let lastBackcast = null;

function drawBackcast(answer) {
  lastBackcast = answer;
  clear($("backcast-targets")).append(...(answer.targets ?? []).map((target) =>
    el("li", { class: target.met ? "met" : "not-met" },
      el("strong", {}, target.id), ` ${target.description ?? ""} — ${target.met ? t("met") : t("not_met")}`,
      target.finding ? el("div", { class: "help" }, target.finding) : null)));
  const body = clear($("backcast-table").querySelector("tbody"));
  for (const row of answer.schedule ?? []) {
    const serviceMeta = state.meta.services.find((s) => s.key === row.service);
    body.append(el("tr", { class: row.too_late ? "too-late" : "" },
      el("td", {}, row.target), el("td", {}, serviceMeta ? label(serviceMeta) : row.service),
      el("td", {}, `${row.district} ${districtName(row.district)}`), el("td", {}, row.category ?? ""),
      el("td", {}, row.year_needed), el("td", {}, row.decide_by, row.too_late ? ` (${t("too_late")})` : ""),
      el("td", { class: "num" }, formatCount(row.places)), el("td", { class: "num" }, row.lead_time)));
  }
  $("backcast-count").textContent = `${t("decisions")}: ${(answer.schedule ?? []).length}`;
  $("backcast-table").hidden = false;
}

async function runBackcast() {
  const button = $("run-backcast");
  button.disabled = true;
  try {
    drawBackcast(await postJson("api/backcast", { ...requestBody(), targets_preset: $("targets").value }));
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

// ---- files --------------------------------------------------------------------------------------

async function saveScenario() {
  const name = $("scenario-name").value.trim() || "my_whatif";
  try {
    const { blob, name: file } = await postForFile("api/scenario-file", { ...requestBody(), name }, `${name}.toml`);
    saveBlob(blob, file);
  } catch (error) {
    showError(error);
  }
}

async function downloadResults() {
  const format = $("download-format").value;
  const button = $("download");
  button.disabled = true;
  try {
    const { blob, name } = await postForFile(`api/download?format=${encodeURIComponent(format)}`, requestBody(),
      `wardsim_results.${format === "csv" ? "zip" : format}`);
    saveBlob(blob, name);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

// ---- background jobs ----------------------------------------------------------------------------

async function startJob() {
  const button = $("start-job");
  button.disabled = true;
  const progress = $("job-progress");
  const stateText = $("job-state");
  const link = $("job-results");
  link.hidden = true;
  try {
    const { id } = await postJson("api/jobs", {
      ...requestBody(), kind: $("job-kind").value,
      replicates: $("job-replicates").valueAsNumber, seed: $("job-seed").valueAsNumber,
    });
    progress.hidden = false;
    progress.value = 0;
    for (;;) {
      const job = await getJson(`api/jobs/${encodeURIComponent(id)}`);
      progress.value = Number(job.progress ?? 0);
      stateText.textContent = `${job.id} ${job.kind}: ${job.state} ${Math.round(100 * progress.value)} %`;
      stateText.dataset.state = job.state;
      $("job-message").textContent = job.message ?? "";
      $("job-message").hidden = !job.message;
      if (job.state === "done") {
        link.href = `api/jobs/${encodeURIComponent(id)}/results.h5`;
        link.download = `${id}_${job.kind}.h5`;
        link.hidden = false;
        break;
      }
      if (job.state === "failed") {
        showError(new Error(job.message || "job failed"));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
    }
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

// ---- start --------------------------------------------------------------------------------------

async function start() {
  const meta = await getJson("api/meta");
  state.meta = meta;
  state.base = meta.default_base ?? meta.base_scenarios[0]?.id;
  state.year = meta.years.includes(meta.base_year + 15) ? meta.base_year + 15 : meta.years.at(-1);
  state.indicator = meta.indicators[0]?.key;
  state.service = meta.services[0]?.key;
  try {
    // GeoJSON (RFC 7946) winds outer rings anticlockwise; d3-geo, working on the sphere, wants them
    // clockwise, or each district would be drawn as the whole globe minus the district.
    state.geo = rewind(await getJson("api/geo"), true);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    state.geo = null; // this scenario has no boundaries: the map says so
  }
  const lang = new URLSearchParams(location.search).get("lang") ?? (navigator.language?.startsWith("ja") ? "ja" : "en");
  setLanguage(lang);
  levers = new LeverPanel($("levers"), meta, scheduleProject);
  const year = $("year");
  Object.assign(year, { min: meta.years[0], max: meta.years.at(-1), step: 1, value: state.year });
  $("year-out").textContent = state.year;
  year.addEventListener("input", () => {
    state.year = year.valueAsNumber;
    $("year-out").textContent = state.year;
    if (state.result) drawAll();
    scheduleProject();
  });
  $("base").addEventListener("change", (event) => { state.base = event.target.value; scheduleProject(); });
  $("indicator").addEventListener("change", (event) => { state.indicator = event.target.value; if (state.result) drawMap(); });
  $("district").addEventListener("change", (event) => { state.district = event.target.value; scheduleProject(); });
  $("service").addEventListener("change", (event) => { state.service = event.target.value; if (state.result) drawServices(); });
  $("lang").addEventListener("click", () => applyLanguage(currentLanguage() === "en" ? "ja" : "en"));
  $("reset").addEventListener("click", () => { levers.build(); levers.relabel(); scheduleProject(); });
  $("error-dismiss").addEventListener("click", clearError);
  $("run-backcast").addEventListener("click", runBackcast);
  $("save-scenario").addEventListener("click", saveScenario);
  $("download").addEventListener("click", downloadResults);
  $("start-job").addEventListener("click", startJob);
  let resizeTimer = null;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(drawAll, 150); });
  applyLanguage(lang);
  await project();
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  showError(error);
  document.body.dataset.ready = "failed";
});
