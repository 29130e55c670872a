#!/usr/bin/env node
// Heapwise's bundle served by nginx: renders deploy/nginx.conf.template for
// one bundle and, unless asked only to render, runs an nginx of its own on
// it (not the system's service: its own config, prefix, pid and logs).
//
// Why a rendered template rather than a fixed config: the
// Content-Security-Policy allows Trunk's inline boot script by its sha256,
// which changes with every build. It is computed here by
// scripts/static-server.mjs's contentSecurityPolicy(), and the types, the
// pattern of hashed assets and the Cache-Control values come from there too,
// so the two servers cannot drift apart unnoticed (tests/server/nginx.test.mjs
// compares their answers request by request).
//
// Needs Debian's nginx and libnginx-mod-http-brotli-static
// (`./scripts/setup.sh --test` installs both).
//
// Usage:
//   node scripts/nginx.mjs --root DIST [--host 127.0.0.1] [--port 0]
//                          [--port-file FILE] [--prefix DIR] [--access-log]
//     runs nginx on DIST until this process gets SIGINT or SIGTERM, then
//     stops it. `--port 0` (the default) picks a free port; `--port-file`
//     receives the URL once nginx answers. Without --prefix, nginx's config,
//     pid, logs and temporary files go to a new temporary directory,
//     removed on exit.
//   node scripts/nginx.mjs --root DIST --render FILE --prefix DIR --port N
//                          [--host 127.0.0.1] [--access-log]
//     only writes the config (and makes DIR/tmp), for a machine where nginx
//     is started otherwise: then `nginx -p DIR -c FILE`. Started as root,
//     nginx's workers run as nobody: DIST must be readable by all.
//
// As a module: startNginx({ root, port, host }) resolves to { url, stop, pid,
// prefix } once nginx answers; stop() resolves once it has exited.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  HASHED_ASSET,
  MIME_TYPES,
  SECURITY_HEADERS,
  contentSecurityPolicy,
  parseServerArgs,
} from './static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const TEMPLATE = path.resolve(HERE, '..', 'deploy', 'nginx.conf.template');
/** Where Debian's libnginx-mod-http-brotli-static puts the module. */
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** The nginx binary: $HEAPWISE_NGINX, else Debian's, else `nginx` on PATH. */
export function nginxBinary() {
  if (process.env.HEAPWISE_NGINX) return process.env.HEAPWISE_NGINX;
  if (fs.existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why nginx cannot run here (a sentence), or null when it can. */
export function nginxMissing() {
  const binary = nginxBinary();
  if (binary === null || !isExecutable(binary)) return `nginx is not installed (${binary ?? 'not on PATH'}; ./scripts/setup.sh --test installs Debian's)`;
  if (!fs.existsSync(BROTLI_STATIC_MODULE)) {
    return `${BROTLI_STATIC_MODULE} is missing (apt-get install libnginx-mod-http-brotli-static)`;
  }
  return null;
}

/**
 * A value for a double-quoted nginx string: nothing that would end or expand
 * it, but for one of the template's own variables ($heapwise_...) as a whole.
 */
function quoted(value) {
  if (/^\$heapwise_[a-z_]+$/.test(value)) return value;
  if (/["\\$\n]/.test(value)) throw new Error(`cannot put ${JSON.stringify(value)} in an nginx string`);
  return value;
}

/**
 * A regular expression for a quoted nginx pattern. Inside quotes nginx
 * reads a backslash before a quote, a backslash, n, t or r as an escape and
 * keeps any other (`\.` stays `\.`); a pattern's `$` is not a variable.
 */
function quotedPattern(pattern) {
  if (/["\n]|\\(?=["'\\ntr])/.test(pattern)) throw new Error(`cannot put /${pattern}/ in an nginx location`);
  return pattern;
}

/** An absolute path for the config: nginx would read a relative one from the prefix. */
function absolutePath(dir) {
  const full = path.resolve(dir);
  if (/[\s;{}"'$\\]/.test(full)) throw new Error(`${full}: a path with spaces or ;{}"'$\\ is not supported here`);
  return full;
}

/** add_header lines for a location, sent with every status (`always`). */
function addHeaders(headers) {
  return Object.entries(headers)
    .map(([name, value]) => `            add_header ${name} "${quoted(value)}" always;`)
    .join('\n');
}

/** static-server.mjs's MIME_TYPES as an nginx `types` block body (one line per type). */
function typesBlock() {
  const byType = new Map();
  for (const [ext, type] of Object.entries(MIME_TYPES)) {
    byType.set(type, [...(byType.get(type) ?? []), ext.slice(1)]);
  }
  return [...byType].map(([type, exts]) => `        "${quoted(type)}" ${exts.join(' ')};`).join('\n');
}

/**
 * The config for the bundle in `root`, served on `listen` ("127.0.0.1:8080"),
 * with nginx's pid, logs and temporary files under `prefix`. `accessLog`:
 * true for prefix/access.log, false for none, or a path.
 */
export function renderConfig({ root, listen, prefix, accessLog = false, brotliModule = BROTLI_STATIC_MODULE }) {
  const rootDir = absolutePath(root);
  const prefixDir = absolutePath(prefix);
  let html;
  try {
    html = fs.readFileSync(path.join(rootDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`${rootDir}/index.html not found: build the bundle first (trunk build --release --offline=true)`);
  }
  if (!/^[\w.:[\]*]+$/.test(String(listen))) throw new Error(`listen address ${listen} is not host:port`);
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(html),
  };
  const values = {
    BROTLI_STATIC_MODULE: absolutePath(brotliModule),
    PREFIX: prefixDir,
    ROOT: rootDir,
    LISTEN: String(listen),
    TYPES: typesBlock(),
    ACCESS_LOG:
      accessLog === true ? `${prefixDir}/access.log` : accessLog ? absolutePath(accessLog) : 'off',
    COMMON_HEADERS: addHeaders(headers),
    // A file (or index.html for a route): the caching of its name (the
    // template's map), and Vary on identity responses too, as
    // static-server.mjs sends them (gzip_vary would add it only beside a .gz).
    FILE_HEADERS: addHeaders({
      ...headers,
      'Cache-Control': '$heapwise_cache_control',
      Vary: 'Accept-Encoding',
    }),
    CACHE_REVALIDATE: quoted(CACHE_REVALIDATE),
    CACHE_IMMUTABLE: quoted(CACHE_IMMUTABLE),
    HASHED_ASSET: quotedPattern(HASHED_ASSET.source),
  };
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name) => {
    if (!(name in values)) throw new Error(`${TEMPLATE}: unknown placeholder ${whole}`);
    return values[name];
  });
  return `# Rendered by scripts/nginx.mjs from deploy/nginx.conf.template for ${rootDir}.\n${text}`;
}

/** A loopback port that was free a moment ago (nginx cannot report a port 0 it chose). */
function freePort(host) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves to true once nginx answers on `url` (its Server header: another
 * process may have taken the port first), false when `gone()` says it exited.
 */
async function waitForNginx(url, gone, timeoutMs = 20_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (gone()) return false;
    const server = await fetch(`${url}/`, { method: 'HEAD', signal: AbortSignal.timeout(2_000) })
      .then((response) => response.headers.get('server'))
      .catch(() => null);
    if (server === 'nginx') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts nginx in the foreground (daemon off) as a child of this process on
 * the bundle in `root`. port 0: a free port (retried if another process
 * takes it first). Resolves to { url, stop, pid, prefix } once it accepts
 * connections; stop() ends it (SIGTERM: nginx's fast shutdown) and removes
 * a prefix it made.
 */
export async function startNginx({ root = 'dist', host = '127.0.0.1', port = 0, prefix = null, accessLog = false } = {}) {
  const missing = nginxMissing();
  if (missing) throw new Error(missing);
  const ownPrefix = prefix === null;
  const prefixDir = ownPrefix ? fs.mkdtempSync(path.join(os.tmpdir(), 'heapwise-nginx-')) : path.resolve(prefix);
  for (const dir of ['', 'tmp']) fs.mkdirSync(path.join(prefixDir, dir), { recursive: true });
  const removePrefix = () => {
    if (ownPrefix) fs.rmSync(prefixDir, { recursive: true, force: true });
  };

  for (let attempt = 1; ; attempt++) {
    const chosen = port === 0 ? await freePort(host) : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const conf = path.join(prefixDir, 'nginx.conf');
    try {
      fs.writeFileSync(conf, renderConfig({ root, listen: `${shownHost}:${chosen}`, prefix: prefixDir, accessLog }));
    } catch (error) {
      removePrefix();
      throw error;
    }
    const errorLog = path.join(prefixDir, 'error.log');
    fs.rmSync(errorLog, { force: true });
    // -e: nginx's own errors before the config is read go to the prefix too
    // (not to /var/log/nginx).
    const child = spawn(nginxBinary(), ['-p', prefixDir, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let exit = null;
    const exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exit = { code, signal };
        resolve(exit);
      });
      child.once('error', (error) => {
        exit = { code: null, signal: null, error };
        resolve(exit);
      });
    });
    const url = `http://${shownHost}:${chosen}`;
    let listening;
    try {
      listening = await waitForNginx(url, () => exit !== null);
    } catch (error) {
      child.kill('SIGKILL');
      removePrefix();
      throw error;
    }
    if (listening) {
      // Should this process end without stop() (an uncaught error, a test
      // runner's exit), nginx ends with it rather than holding the port.
      const orphaned = () => {
        child.kill('SIGTERM');
        removePrefix();
      };
      process.once('exit', orphaned);
      let stopping = null;
      const stop = () => {
        process.off('exit', orphaned);
        stopping ??= (exit ? Promise.resolve() : (child.kill('SIGTERM'), exited)).then(removePrefix);
        return stopping;
      };
      return { url, stop, pid: child.pid, prefix: prefixDir };
    }
    const log = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '';
    const why = `${stderr}${log}`.trim() || exit.error?.message || `exit ${exit.code ?? exit.signal}`;
    if (port === 0 && attempt < 5 && /Address already in use/.test(why)) continue;
    removePrefix();
    throw new Error(`nginx did not start: ${why.split('\n').slice(-5).join('\n')}`);
  }
}

function parseArgs(argv) {
  const defaults = { port: 0, prefix: null, render: null, accessLog: false };
  const options = parseServerArgs(argv, defaults, (arg, value, options) => {
    if (arg === '--prefix') options.prefix = value();
    else if (arg === '--render') options.render = value();
    else if (arg === '--access-log') options.accessLog = true;
    else return false;
    return true;
  });
  if (options.render && (options.prefix === null || options.port === 0)) {
    throw new Error('--render needs --prefix DIR (where nginx keeps its pid and logs) and --port N');
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`nginx.mjs: ${error.message}`);
    process.exit(2);
  }
  if (options.render) {
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    fs.mkdirSync(path.join(options.prefix, 'tmp'), { recursive: true });
    fs.writeFileSync(
      options.render,
      renderConfig({ ...options, listen: `${shownHost}:${options.port}`, accessLog: options.accessLog }),
    );
    console.log(`Wrote ${options.render}: start it with nginx -p ${path.resolve(options.prefix)} -c ${path.resolve(options.render)}`);
    return;
  }
  let started;
  try {
    started = await startNginx(options);
  } catch (error) {
    console.error(`nginx.mjs: cannot start: ${error.message}`);
    process.exit(1);
  }
  const { url, stop, pid, prefix } = started;
  console.log(`nginx (pid ${pid}, config ${prefix}/nginx.conf) serving ${path.resolve(options.root)} at ${url}/`);
  if (options.portFile) {
    // Written once nginx answers, renamed into place so a reader never sees half.
    fs.writeFileSync(`${options.portFile}.tmp`, `${url}\n`);
    fs.renameSync(`${options.portFile}.tmp`, options.portFile);
  }
  const quit = () => stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
