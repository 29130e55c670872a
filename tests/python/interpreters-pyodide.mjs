#!/usr/bin/env node
// The Pyodide half of tests/python/interpreters.py: runs exercises'
// reference.py in the page's Python (Pyodide from node_modules, under Node),
// each in a fresh interpreter restored from pyodide-runner.mjs's snapshot,
// as a plain program (heapwise_check.run_plain, what the page's console
// shows: no checks, no trace), and prints one JSON object a line:
//
//   node tests/python/interpreters-pyodide.mjs SLUG [SLUG ...]
//
//   {"slug", "python": "3.14.2", "pointer_bytes": 4, "stdout": "...",
//    "error": null | "its traceback's last line", "seconds": 1.2}
//
// The program runs as reference.py in the working directory Pyodide starts
// in (/home/pyodide), as `python reference.py` would in the exercise's folder.

import fs from "node:fs";
import path from "node:path";
import { EXERCISES, pyodideRunner, slugs } from "./pyodide-runner.mjs";

const chosen = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const runner = await pyodideRunner();
const decoder = new TextDecoder();

for (const slug of chosen.length ? chosen : slugs()) {
  const started = performance.now();
  const source = fs.readFileSync(path.join(EXERCISES, slug, "reference.py"), "utf8");
  const py = await runner.fresh();
  let stdout = "";
  py.setStdout({ write: (bytes) => ((stdout += decoder.decode(bytes, { stream: true })), bytes.length) });
  py.setStderr({ write: (bytes) => bytes.length });
  py.globals.set("SOURCE", source);
  const result = JSON.parse(
    py.runPython("import heapwise_check.plain as _plain\njson.dumps(_plain.run_plain(SOURCE, 'reference.py'))"),
  );
  stdout += decoder.decode();
  const lastLine = (text) =>
    text
      .split("\n")
      .map((line) => line.trimEnd())
      .filter(Boolean)
      .pop() ?? "";
  const error = result.error ? lastLine(result.error.traceback) || `${result.error.type}: ${result.error.message}` : null;
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.log(JSON.stringify({ slug, python: result.python, pointer_bytes: result.pointer_bytes, stdout, error, seconds }));
}
process.exit(0);
