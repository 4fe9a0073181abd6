// The server's JSON API (README "JSON API"). Relative URLs only: the page works from any host and
// port the server listens on, and never asks the network for anything else.

// A 4xx/5xx answer. `problems` lists every problem the server found (400 "input"), so the page can
// show them all at once, like the command line does.
export class ApiError extends Error {
  constructor(status, body) {
    const problems = Array.isArray(body?.problems) && body.problems.length > 0
      ? body.problems.map(String)
      : [body?.message ?? body?.error ?? `HTTP ${status}`];
    super(problems.join("\n"));
    this.status = status;
    this.kind = body?.error ?? "http";
    this.problems = problems;
  }
}

async function failure(response) {
  let body = null;
  const text = await response.text();
  try {
    body = JSON.parse(text);
  } catch {
    body = { message: text.trim() || response.statusText };
  }
  return new ApiError(response.status, body);
}

export async function getJson(path, { signal } = {}) {
  const response = await fetch(path, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function postJson(path, body, { signal } = {}) {
  const response = await fetch(path, {
    method: "POST",
    signal,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

// POSTs and returns the answer as a Blob plus the file name from Content-Disposition.
export async function postForFile(path, body, fallbackName) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), name: match ? decodeURIComponent(match[1]) : fallbackName };
}

// Hands a Blob to the browser as a download.
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
