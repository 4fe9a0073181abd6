// Opens a wardsim HTML report in headless Chromium (Debian's /usr/bin/chromium) and checks that it
// renders: no console error, no page error, no request leaving the machine, every chart image
// loaded with a non-zero size, and a full-page screenshot that is not blank.
//
// Usage: node check_report.mjs REPORT.html SCREENSHOT.png [--min-charts N]
// Exit status: 0 when every check passes, 1 otherwise (each failure is printed).
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";

const [html, screenshot, ...rest] = process.argv.slice(2);
if (!html || !screenshot) {
  console.error("usage: node check_report.mjs REPORT.html SCREENSHOT.png [--min-charts N]");
  process.exit(2);
}
const minCharts = rest[0] === "--min-charts" ? Number(rest[1]) : 1;
// A rendered report has text, axes and coloured marks: many colours. A blank page has one.
const MIN_COLOURS = 16;

const failures = [];
const browser = await chromium.launch({
  executablePath: process.env.WARDSIM_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // Chromium refuses to run as root inside its sandbox; CI runs as root in a container.
  args: process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) {
      failures.push(`the report asked the network for ${url}`);
    }
  });
  page.on("requestfailed", (request) =>
    failures.push(`request failed: ${request.url().slice(0, 80)}`));

  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  const charts = await page.$$eval("img.chart", (images) =>
    images.map((image) => {
      const box = image.getBoundingClientRect();
      return { alt: image.alt, complete: image.complete, natural: image.naturalWidth,
               width: box.width, height: box.height };
    }));
  if (charts.length < minCharts) {
    failures.push(`found ${charts.length} charts, expected at least ${minCharts}`);
  }
  for (const chart of charts) {
    if (!chart.complete || chart.natural === 0 || chart.width === 0 || chart.height === 0) {
      failures.push(`chart '${chart.alt}' did not render (loaded ${chart.complete}, natural ` +
                    `width ${chart.natural}, box ${chart.width}x${chart.height})`);
    }
  }

  const png = await page.screenshot({ fullPage: true });
  writeFileSync(screenshot, png);
  // Decode the screenshot in the page and count the distinct colours of a grid of pixels.
  const colours = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set();
    const step = 4 * 7;  // every 7th pixel
    for (let i = 0; i < pixels.length; i += step) {
      seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
    return { count: seen.size, width: canvas.width, height: canvas.height };
  }, png.toString("base64"));
  if (colours.count < MIN_COLOURS) {
    failures.push(`the screenshot looks blank: ${colours.count} colours`);
  }
  console.log(`${charts.length} charts rendered; screenshot ${colours.width}x${colours.height} ` +
              `with ${colours.count} colours sampled: ${screenshot}`);
} finally {
  await browser.close();
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  process.exit(1);
}
console.log("report renders in Chromium: OK");
