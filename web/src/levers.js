// The lever controls, built from /api/meta "levers". Each lever remembers whether the planner has
// touched it: only touched levers are sent, so an untouched lever always means "the base scenario's
// value" (the contract's "absent = base"). The page does not clamp typed numbers: the server
// validates them exactly like a scenario file and the page shows its problems.
import { el, option, clear } from "./dom.js";
import { t, label } from "./i18n.js";

function numberInput(attributes, value, onInput) {
  const input = el("input", { type: "number", inputmode: "decimal", ...attributes });
  input.value = value ?? "";
  input.addEventListener("input", onInput);
  return input;
}

function readNumber(input) {
  // An empty or malformed field is sent as NaN → null so that the server reports it.
  const value = input.valueAsNumber;
  return Number.isFinite(value) ? value : input.value.trim() === "" ? null : input.value;
}

function yearSelect(years, selected, attributes, onInput) {
  const select = el("select", attributes, years.map((year) => option(year, year, year === selected)));
  select.addEventListener("change", onInput);
  return select;
}

function isYearPath(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) &&
    Object.keys(value).length > 0 && Object.keys(value).every((key) => /^\d{4}$/.test(key));
}

// A single number: a slider and a number field that follow each other.
function numberControl(lever, value, changed) {
  const id = `lever-${lever.key}`;
  const range = el("input", {
    type: "range", min: lever.min, max: lever.max, step: lever.step ?? "any",
    testid: `${id}-range`, "aria-label": label(lever),
  });
  const field = numberInput({ id, step: lever.step ?? "any", testid: id, min: lever.min, max: lever.max },
    value, () => {
      if (Number.isFinite(field.valueAsNumber)) range.value = field.value;
      changed();
    });
  // No value in the base (null): the field stays empty ("the base's value") and the slider rests
  // on the neutral multiplier 1 when it is in range.
  if (value === null || value === undefined) {
    field.placeholder = "–";
    range.value = lever.min <= 1 && 1 <= lever.max ? 1 : lever.min;
  } else {
    range.value = value;
  }
  range.addEventListener("input", () => {
    field.value = range.value;
    changed();
  });
  return { nodes: [range, field], read: () => readNumber(field), labelFor: id };
}

// A number that may change over time: constant, or from the base year's value to a value reached
// by a chosen year (a two-point year path; the engine interpolates linearly between them).
function yearPathControl(lever, meta, value, changed) {
  const path = isYearPath(value) ? value : null;
  if (path && Object.keys(path).length > 2) return pathTableControl(lever, path, changed);
  const years = path ? Object.keys(path).map(Number).sort((a, b) => a - b) : [];
  const start = path ? path[years[0]] : value;
  const number = numberControl(lever, start, changed);
  const toggle = el("input", { type: "checkbox", testid: `lever-${lever.key}-path` });
  toggle.checked = years.length > 1;
  const targetYears = meta.years.filter((year) => year > meta.base_year);
  const reachYear = yearSelect(targetYears, years.length > 1 ? years.at(-1) : targetYears[Math.min(10, targetYears.length - 1)],
    { testid: `lever-${lever.key}-year`, "aria-label": t("by_year") }, changed);
  const reachValue = numberInput({ step: lever.step ?? "any", min: lever.min, max: lever.max,
    testid: `lever-${lever.key}-target`, "aria-label": t("reaches") },
    years.length > 1 ? path[years.at(-1)] : start, changed);
  const detail = el("span", { class: "path-detail" },
    el("span", { i18n: "reaches" }, t("reaches")), reachValue,
    el("span", { i18n: "by_year" }, t("by_year")), reachYear);
  const sync = () => { detail.hidden = !toggle.checked; };
  toggle.addEventListener("change", () => { sync(); changed(); });
  sync();
  return {
    nodes: [...number.nodes,
      el("label", { class: "inline" }, toggle, el("span", { i18n: "path" }, t("path"))), detail],
    labelFor: number.labelFor,
    read() {
      const first = number.read();
      if (!toggle.checked) return first;
      return { [String(meta.base_year)]: first, [reachYear.value]: readNumber(reachValue) };
    },
  };
}

// A base path with more than two points (e.g. calibrated in-migrants): every point is editable, so
// touching one value does not flatten the rest of the path.
function pathTableControl(lever, path, changed) {
  const years = Object.keys(path).sort();
  const fields = years.map((year) => [year, numberInput({ step: lever.step ?? "any", min: lever.min, max: lever.max,
    testid: `lever-${lever.key}-${year}`, "aria-label": `${label(lever)} ${year}` }, path[year], changed)]);
  return {
    nodes: [el("div", { class: "path-table" }, fields.map(([year, input]) => el("label", {}, el("span", {}, year), input)))],
    read: () => Object.fromEntries(fields.map(([year, input]) => [year, readNumber(input)])),
  };
}

// An object of named numbers, e.g. mortality improvement {male, female}.
function objectControl(lever, value, changed) {
  const fields = Object.entries(value).map(([key, number]) => {
    const input = numberInput({ step: lever.step ?? "any", min: lever.min, max: lever.max,
      testid: `lever-${lever.key}-${key}`, "aria-label": `${label(lever)} ${key}` }, number, changed);
    return [key, input];
  });
  return {
    nodes: fields.map(([key, input]) => el("label", { class: "inline" }, key, input)),
    read: () => Object.fromEntries(fields.map(([key, input]) => [key, readNumber(input)])),
  };
}

// A shock over consecutive years with migration multipliers.
function shockControl(lever, meta, value, changed) {
  const shock = value && typeof value === "object" ? value : {};
  const years = Array.isArray(shock.years) && shock.years.length ? shock.years : [meta.base_year + 1, meta.base_year + 2];
  const enabled = el("input", { type: "checkbox", testid: `lever-${lever.key}-on` });
  enabled.checked = Boolean(value);
  enabled.addEventListener("change", changed);
  const flowYears = meta.years.slice(0, -1);
  const from = yearSelect(flowYears, years[0], { testid: `lever-${lever.key}-from`, "aria-label": t("from_year") }, changed);
  const to = yearSelect(flowYears, years.at(-1), { testid: `lever-${lever.key}-to`, "aria-label": t("to_year") }, changed);
  const inMul = numberInput({ step: 0.01, min: 0, testid: `lever-${lever.key}-in`, "aria-label": t("in_multiplier") },
    shock.in_migration_multiplier ?? 0.85, changed);
  const outMul = numberInput({ step: 0.01, min: 0, testid: `lever-${lever.key}-out`, "aria-label": t("out_multiplier") },
    shock.out_migration_multiplier ?? 1.1, changed);
  return {
    nodes: [
      el("label", { class: "inline" }, enabled, el("span", { i18n: "enabled" }, t("enabled"))),
      el("label", { class: "inline" }, el("span", { i18n: "from_year" }, t("from_year")), from),
      el("label", { class: "inline" }, el("span", { i18n: "to_year" }, t("to_year")), to),
      el("label", { class: "inline" }, el("span", { i18n: "in_multiplier" }, t("in_multiplier")), inMul),
      el("label", { class: "inline" }, el("span", { i18n: "out_multiplier" }, t("out_multiplier")), outMul),
    ],
    // Off = the base scenario's shocks (an untouched lever).
    isSet: () => enabled.checked,
    read() {
      const first = Number(from.value);
      const last = Math.max(first, Number(to.value));
      const span = [];
      for (let year = first; year <= last; ++year) span.push(year);
      return { years: span, in_migration_multiplier: readNumber(inMul), out_migration_multiplier: readNumber(outMul) };
    },
  };
}

function districtSelect(meta, selected, attributes, onInput) {
  const select = el("select", attributes,
    meta.districts.map((d) => option(d.id, `${d.id} ${label(d, "name")}`, d.id === selected)));
  select.addEventListener("change", onInput);
  select.dataset.districtSelect = "";
  return select;
}

// Editable rows (housing projects, capacity additions): each row is built by makeRow(values).
function rowList(testid, rows, makeRow, changed) {
  const list = el("div", { class: "rows", testid });
  const entries = [];
  const add = (values) => {
    const row = makeRow(values);
    const remove = el("button", { type: "button", class: "small", "aria-label": t("remove") }, "×");
    const node = el("div", { class: "row" }, row.nodes, remove);
    const entry = { read: row.read, node };
    remove.addEventListener("click", () => {
      entries.splice(entries.indexOf(entry), 1);
      node.remove();
      changed();
    });
    entries.push(entry);
    list.append(node);
  };
  for (const values of rows) add(values);
  const addButton = el("button", { type: "button", class: "small", testid: `${testid}-add`, i18n: "add_row" }, t("add_row"));
  addButton.addEventListener("click", () => { add({}); changed(); });
  return { nodes: [list, addButton], read: () => entries.map((entry) => entry.read()) };
}

function housingControl(lever, meta, value, changed) {
  const housing = value && typeof value === "object" ? value : {};
  const ppd = numberInput({ step: 0.1, min: 0.5, testid: `lever-${lever.key}-ppd`, "aria-label": t("persons_per_dwelling") },
    housing.persons_per_dwelling ?? 2.0, changed);
  const share = numberInput({ step: 0.05, min: 0, max: 1, testid: `lever-${lever.key}-share`, "aria-label": t("share_from_outside") },
    housing.share_from_outside ?? 0.6, changed);
  const projectYears = meta.years.slice(0, -1);
  const rows = rowList(`lever-${lever.key}-projects`, housing.projects ?? [], (p) => {
    const district = districtSelect(meta, p.district ?? meta.districts[0]?.id, { "aria-label": t("district") }, changed);
    const from = yearSelect(projectYears, p.from_year ?? meta.base_year + 2, { "aria-label": t("from_year") }, changed);
    const to = yearSelect(projectYears, p.to_year ?? meta.base_year + 11, { "aria-label": t("to_year") }, changed);
    const dwellings = numberInput({ step: 10, min: 0, "aria-label": t("dwellings_per_year"), class: "narrow" },
      p.dwellings_per_year ?? 200, changed);
    return {
      nodes: [district, from, "–", to, dwellings, el("span", { i18n: "dwellings_per_year" }, t("dwellings_per_year"))],
      read: () => ({ district: district.value, from_year: Number(from.value), to_year: Number(to.value),
        dwellings_per_year: readNumber(dwellings) }),
    };
  }, changed);
  return {
    nodes: [
      el("label", { class: "inline" }, el("span", { i18n: "persons_per_dwelling" }, t("persons_per_dwelling")), ppd),
      el("label", { class: "inline" }, el("span", { i18n: "share_from_outside" }, t("share_from_outside")), share),
      ...rows.nodes,
    ],
    read: () => ({ persons_per_dwelling: readNumber(ppd), share_from_outside: readNumber(share), projects: rows.read() }),
  };
}

function capacityControl(lever, meta, value, changed) {
  const services = meta.services ?? [];
  const rows = rowList(`lever-${lever.key}-rows`, Array.isArray(value) ? value : [], (c) => {
    const service = el("select", { "aria-label": t("service") },
      services.map((s) => option(s.key, label(s), s.key === (c.service ?? services[0]?.key))));
    const category = el("select", { "aria-label": t("category") });
    const fillCategories = (selected) => {
      const chosen = services.find((s) => s.key === service.value);
      clear(category).append(...(chosen?.categories ?? []).map((name) => option(name, name, name === selected)));
    };
    fillCategories(c.category);
    service.addEventListener("change", () => { fillCategories(); changed(); });
    category.addEventListener("change", changed);
    const district = districtSelect(meta, c.district ?? meta.districts[0]?.id, { "aria-label": t("district") }, changed);
    const from = yearSelect(meta.years, c.from_year ?? meta.base_year + 3, { "aria-label": t("from_year") }, changed);
    const add = numberInput({ step: 10, "aria-label": t("add"), class: "narrow" }, c.add ?? 60, changed);
    return {
      nodes: [service, district, category, from, "+", add],
      read: () => {
        const row = { service: service.value, district: district.value, from_year: Number(from.value), add: readNumber(add) };
        if (category.value) row.category = category.value;
        return row;
      },
    };
  }, changed);
  return rows;
}

// A lever of a kind this page does not know: edited as JSON, so new levers work without a new page.
function jsonControl(lever, value, changed) {
  const area = el("textarea", { rows: 2, testid: `lever-${lever.key}`, "aria-label": label(lever) });
  area.value = JSON.stringify(value ?? null);
  area.addEventListener("input", changed);
  return {
    nodes: [area],
    read() {
      try {
        return JSON.parse(area.value);
      } catch {
        return area.value;
      }
    },
  };
}

function makeControl(lever, meta, value, changed) {
  switch (lever.kind) {
    case "year_path": return yearPathControl(lever, meta, value, changed);
    case "shock": return shockControl(lever, meta, value, changed);
    case "housing": return housingControl(lever, meta, value, changed);
    case "capacity": return capacityControl(lever, meta, value, changed);
    default:
      if (typeof value === "number" || value === undefined || value === null) return numberControl(lever, value, changed);
      if (isYearPath(value)) return yearPathControl(lever, meta, value, changed);
      if (typeof value === "object" && !Array.isArray(value) &&
          Object.values(value).every((v) => typeof v === "number")) return objectControl(lever, value, changed);
      return jsonControl(lever, value, changed);
  }
}

// Builds the lever panel into `container`; onChange() is called after every edit.
export class LeverPanel {
  constructor(container, meta, onChange) {
    this.container = container;
    this.meta = meta;
    this.onChange = onChange;
    this.build();
  }

  build() {
    clear(this.container);
    this.controls = new Map();
    this.touched = new Set();
    for (const lever of this.meta.levers ?? []) {
      const changed = () => {
        this.touched.add(lever.key);
        this.onChange(lever.key);
      };
      const control = makeControl(lever, this.meta, lever.default, changed);
      this.controls.set(lever.key, control);
      const title = el("label", { class: "lever-title", for: control.labelFor, dataset: { leverLabel: lever.key } }, label(lever));
      const unit = lever.unit ? el("span", { class: "unit" }, lever.unit) : null;
      this.container.append(el("fieldset", { class: `lever lever-${lever.kind ?? "number"}`, testid: `lever-box-${lever.key}` },
        el("legend", {}, title, unit), el("div", { class: "lever-body" }, control.nodes)));
    }
  }

  relabel() {
    for (const lever of this.meta.levers ?? []) {
      const title = this.container.querySelector(`[data-lever-label="${lever.key}"]`);
      if (title) title.textContent = label(lever);
    }
    for (const select of this.container.querySelectorAll("select[data-district-select]")) {
      for (const opt of select.options) {
        const district = this.meta.districts.find((d) => d.id === opt.value);
        if (district) opt.textContent = `${district.id} ${label(district, "name")}`;
      }
    }
  }

  // The levers object of the request: touched levers only.
  levers() {
    const result = {};
    for (const key of this.touched) {
      const control = this.controls.get(key);
      if (control.isSet && !control.isSet()) continue;
      result[key] = control.read();
    }
    return result;
  }
}
