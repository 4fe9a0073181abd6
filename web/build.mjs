// Bundles the page into OUT_DIR (default: dist/): index.html, app.js and app.css, self-contained
// (no CDN, no network at run time). Usage: node build.mjs [OUT_DIR]
import { build } from "esbuild";
import { copyFileSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "dist"));
// Build into a sibling directory and swap it in, so the server never serves a half-written page.
const staging = `${out}.tmp`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
await build({
  entryPoints: { app: join(here, "src/main.js") },
  bundle: true,
  format: "esm",
  target: ["chrome110", "firefox110", "safari16"],
  minify: true,
  sourcemap: false,
  outdir: staging,
  logLevel: "warning",
});
copyFileSync(join(here, "index.html"), join(staging, "index.html"));
rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
console.log(`wardsim_web: built ${out}`);
