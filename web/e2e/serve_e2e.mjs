// End-to-end scenarios of `wardsim serve` in headless Chromium (Debian's, via playwright-core),
// against a real server started by run_e2e.sh. Each check prints one line; any failure makes the
// exit status 1. Timings (the "< 100 ms from change to numbers") are measured and printed,
// never asserted (machines differ; the speed itself is benchmarked elsewhere).
//
// Usage: node serve_e2e.mjs --url http://127.0.0.1:PORT/ --wardsim PATH --work DIR --artifacts DIR
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { join } from "node:path";

const { values: args } = parseArgs({
  options: { url: { type: "string" }, wardsim: { type: "string" }, work: { type: "string" }, artifacts: { type: "string" } },
});
const baseUrl = args.url.endsWith("/") ? args.url : `${args.url}/`;
const failures = [];
let passed = 0;

function check(condition, what) {
  if (condition) {
    passed += 1;
    console.log(`ok: ${what}`);
  } else {
    failures.push(what);
    console.log(`FAIL: ${what}`);
  }
}

async function api(path, body) {
  const response = await fetch(new URL(path, baseUrl), {
    method: body ? "POST" : "GET",
    headers: { "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: await response.json() };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

// The population of the last year in a results file, summed over districts, sexes and ages.
function finalWardTotal(h5) {
  const script = [
    "import h5py, sys",
    "f = h5py.File(sys.argv[1], 'r')",
    "names = list(f['scenarios'].keys())",
    "population = f['scenarios'][names[0]]['population']",
    "print(int(f['dims']['year'][-1]), repr(float(population[-1].sum())))",
  ].join("\n");
  const [year, total] = execFileSync("/usr/bin/python3", ["-c", script, h5], { encoding: "utf8" }).trim().split(" ");
  return { year: Number(year), total: Number(total) };
}

// ---- page helpers --------------------------------------------------------------------------------

const problemsSeen = [];
function watch(page, name) {
  page.on("console", (message) => {
    if (message.type() === "error") problemsSeen.push({ page: name, kind: "console", text: message.text() });
  });
  page.on("pageerror", (error) => problemsSeen.push({ page: name, kind: "pageerror", text: error.message }));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith("blob:") && !url.startsWith("data:")) {
      problemsSeen.push({ page: name, kind: "network", text: `asked the network for ${url}` });
    }
  });
}

async function openPage(context, name) {
  const page = await context.newPage();
  watch(page, name);
  await page.goto(baseUrl);
  await page.waitForSelector('body[data-ready="true"]', { state: "attached", timeout: 20_000 });
  return page;
}

const sel = (testid) => `[data-testid="${testid}"]`;

async function figure(page, testid) {
  return Number(await page.getAttribute(sel(testid), "data-value"));
}

async function sequence(page) {
  return page.evaluate(() => Math.max(Number(document.body.dataset.drawn ?? 0), Number(document.body.dataset.failed ?? 0)));
}

// Types into a lever field and waits until the page has drawn (or failed) the answer to it.
// Returns the page's own timings and the time measured from here.
async function setLever(page, testid, value) {
  const before = await sequence(page);
  const started = performance.now();
  await page.fill(sel(testid), String(value));
  await page.waitForFunction((previous) => !document.body.dataset.pending &&
    Math.max(Number(document.body.dataset.drawn ?? 0), Number(document.body.dataset.failed ?? 0)) > previous,
  before, { timeout: 20_000 });
  const outside = performance.now() - started;
  const rtt = await page.locator(sel("timing-rtt"));
  return {
    outside,
    rtt: Number(await rtt.textContent()),
    changeToDrawn: Number(await rtt.getAttribute("data-change-to-drawn")),
    server: Number(await page.textContent(sel("timing-server"))),
  };
}

// ---- scenarios -----------------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: process.env.WARDSIM_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // Chromium refuses to run as root inside its sandbox; CI runs as root in a container.
  args: process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [],
});
const started = performance.now();
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const meta = (await api("api/meta")).json;
  const base = meta.default_base;

  // 1. The page loads and draws, with no console error, no page error and no outside request.
  const page = await openPage(context, "tab1");
  await page.screenshot({ path: join(args.artifacts, "serve-main.png"), fullPage: true });
  check(problemsSeen.length === 0, `page loads without console/page errors or outside requests ${JSON.stringify(problemsSeen)}`);
  const charts = await page.$$eval(".chart svg", (svgs) => svgs.length);
  check(charts >= 5, `ward chart, map, pyramid, services and difference charts drawn (${charts} svg)`);
  const districtsOnMap = await page.$$eval('[data-testid="map"] path.district', (paths) => paths.length);
  check(districtsOnMap === meta.districts.length, `map has ${districtsOnMap} districts (meta: ${meta.districts.length})`);
  check((await page.textContent(sel("illustrative"))).includes("illustrative"), "map is labelled as illustrative boundaries");
  const baseFinal = await figure(page, "ward-final");
  const base05 = await figure(page, "age-0-5");
  const direct = (await api("api/project", { base, levers: {} })).json;
  check(baseFinal === direct.ward.population.at(-1), `untouched levers show the base scenario (${baseFinal})`);

  // 2. Moving the TFR lever changes the numbers: more births → more children and more people.
  await setLever(page, "lever-tfr", 1.5);
  const high05 = await figure(page, "age-0-5");
  const highFinal = await figure(page, "ward-final");
  check(high05 > base05, `TFR 1.5: age 0-5 rises ${base05.toFixed(0)} → ${high05.toFixed(0)}`);
  check(highFinal > baseFinal, `TFR 1.5: final-year ward total rises ${baseFinal.toFixed(0)} → ${highFinal.toFixed(0)}`);
  check((await figure(page, "diff-final")) > 0, "difference from baseline is positive");

  // A background agent run starts now and goes on while the lever moves below are timed: a long
  // run must not block the page.
  await page.selectOption(sel("job-kind"), "agent");
  await page.fill(sel("job-replicates"), "1");
  await page.click(sel("start-job"));
  await page.waitForFunction(() => document.querySelector('[data-testid="job-state"]').dataset.state, null, { timeout: 20_000 });
  const jobStateAtStart = await page.getAttribute(sel("job-state"), "data-state");

  // Change → numbers, measured over a series of lever moves.
  const samples = [];
  for (const tfr of [1.0, 1.2, 1.4, 1.1, 0.95, 1.45]) samples.push(await setLever(page, "lever-tfr", tfr));
  const summary = (key) => `median ${median(samples.map((s) => s[key])).toFixed(1)} ms, max ${Math.max(...samples.map((s) => s[key])).toFixed(1)} ms`;
  const jobStateAfterTiming = await page.getAttribute(sel("job-state"), "data-state");
  console.log(`timing over ${samples.length} TFR changes (agent job ${jobStateAtStart} → ${jobStateAfterTiming} meanwhile): server total ${summary("server")}; ` +
    `request→drawn in the page ${summary("rtt")}; input→drawn in the page (40 ms debounce included) ` +
    `${summary("changeToDrawn")}; fill→drawn seen by the test ${summary("outside")}`);

  // 3. A bad value: the page shows the server's problems, then keeps working.
  const badAnswer = await api("api/project", { base, levers: { tfr: -1 } });
  check(badAnswer.status === 400 && badAnswer.json.problems?.length > 0, `the server rejects tfr = -1 with 400 and problems`);
  await setLever(page, "lever-tfr", -1);
  check(await page.isVisible(sel("error")), "error panel is visible after tfr = -1");
  const shown = await page.textContent(sel("error-list"));
  for (const problem of badAnswer.json.problems ?? []) check(shown.includes(problem), `error panel shows the server's message: ${problem}`);
  await page.screenshot({ path: join(args.artifacts, "serve-error.png") });
  await setLever(page, "lever-tfr", 1.3);
  check(!(await page.isVisible(sel("error"))), "error panel is gone after a good value");
  const midFinal = await figure(page, "ward-final");
  check(baseFinal < midFinal && midFinal < highFinal, `TFR 1.3 lies between the base and TFR 1.5 (${midFinal.toFixed(0)})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(args.artifacts, "serve-levers.png") });

  // 4. Save the scenario, re-run it from the command line: the same final-year ward total.
  await page.fill(sel("scenario-name"), "e2e_tfr_1_3");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(sel("save-scenario"))]);
  const tomlPath = join(args.work, "e2e_tfr_1_3.toml");
  await download.saveAs(tomlPath);
  check(download.suggestedFilename() === "e2e_tfr_1_3.toml", `scenario file offered as ${download.suggestedFilename()}`);
  const h5 = join(args.work, "e2e_tfr_1_3.h5");
  execFileSync(args.wardsim, ["run", "--scenario", tomlPath, "--out", h5], { stdio: ["ignore", "ignore", "inherit"] });
  const fromRun = finalWardTotal(h5);
  const shownFinal = (await page.textContent(sel("ward-final"))).replace(/[^0-9]/g, "");
  check(Math.abs(fromRun.total - midFinal) <= 1e-9 * midFinal,
    `wardsim run on the saved scenario: ${fromRun.year} ward total ${fromRun.total} = page ${midFinal}`);
  check(shownFinal === String(Math.round(fromRun.total)), `page shows ${shownFinal}, wardsim run rounds to ${Math.round(fromRun.total)}`);

  // The results download (HDF5) holds the same numbers.
  await page.selectOption(sel("download-format"), "h5");
  const [resultFile] = await Promise.all([page.waitForEvent("download"), page.click(sel("download"))]);
  const downloaded = join(args.work, "download.h5");
  await resultFile.saveAs(downloaded);
  check(Math.abs(finalWardTotal(downloaded).total - midFinal) <= 1e-9 * midFinal, "downloaded results file has the page's final-year total");

  // 5. Backcasting from the page.
  if ((meta.targets_presets ?? []).length > 0) {
    await page.click(sel("run-backcast"));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="backcast-targets"] li').length > 0 ||
      !document.querySelector('[data-testid="error"]').hidden, null, { timeout: 20_000 });
    const targets = await page.$$eval(`${sel("backcast-targets")} li`, (items) => items.length);
    check(targets > 0, `backcasting lists ${targets} targets`);
    await page.locator(sel("backcast")).screenshot({ path: join(args.artifacts, "serve-backcast.png") });
  }

  // The background run finishes: full progress bar and its results file offered.
  await page.waitForFunction(() => ["done", "failed"].includes(document.querySelector('[data-testid="job-state"]').dataset.state),
    null, { timeout: 90_000 });
  check((await page.getAttribute(sel("job-state"), "data-state")) === "done", "the agent job finished");
  check(Number(await page.$eval(sel("job-progress"), (bar) => bar.value)) === 1, "its progress bar is full");
  const jobHref = await page.getAttribute(sel("job-results"), "href");
  const jobFile = Buffer.from(await (await fetch(new URL(jobHref, baseUrl))).arrayBuffer());
  check(jobFile.subarray(0, 4).toString("latin1") === "\x89HDF", `the job's results (${jobHref}) are an HDF5 file`);

  // 6. Japanese labels, district names in Japanese.
  await page.click(sel("lang-toggle"));
  await page.waitForSelector('html[lang="ja"]', { state: "attached" });
  const options = await page.$$eval(`${sel("district")} option`, (items) => items.map((item) => item.textContent));
  const first = meta.districts[0];
  check(options.some((text) => text.includes(first.name_ja)), `district list shows ${first.id} as ${first.name_ja}`);
  const tfrLever = meta.levers.find((lever) => lever.key === "tfr");
  const legend = await page.textContent(`${sel("lever-box-tfr")} legend`);
  check(legend.includes(tfrLever.label_ja), `TFR lever labelled ${tfrLever.label_ja}`);
  await page.screenshot({ path: join(args.artifacts, "serve-ja.png") });
  await page.click(sel("lang-toggle"));

  // 7. Two tabs with different levers at the same time: each gets its own numbers.
  const other = await openPage(context, "tab2");
  await Promise.all([setLever(page, "lever-tfr", 0.8), setLever(other, "lever-tfr", 1.6)]);
  const [low, high] = [await figure(page, "ward-final"), await figure(other, "ward-final")];
  const lowDirect = (await api("api/project", { base, levers: { tfr: 0.8 } })).json.ward.population.at(-1);
  const highDirect = (await api("api/project", { base, levers: { tfr: 1.6 } })).json.ward.population.at(-1);
  check(low === lowDirect, `tab 1 (TFR 0.8) shows ${low}, a lone request gives ${lowDirect}`);
  check(high === highDirect, `tab 2 (TFR 1.6) shows ${high}, a lone request gives ${highDirect}`);
  check(low < high, "the two tabs differ");

  const unexpected = problemsSeen.filter((p) => !(p.kind === "console" && p.text.includes("status of 400")));
  check(unexpected.length === 0, `no other console/page errors or outside requests ${JSON.stringify(unexpected)}`);
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.log(`FAIL: ${error?.stack ?? error}`);
} finally {
  await browser.close();
}
console.log(`web.e2e took ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
