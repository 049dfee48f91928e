/**
 * Builds and starts the project's own Neo4j Community server (test/neo4j-server: embedded Neo4j with Bolt,
 * no auth, loopback only). Used by `npm run neo4j` (neo4j.mjs) and by the test suite's global setup.
 *
 *   const neo4j = await startNeo4j({ port: 0 });   // 0: any free port
 *   neo4j.uri;                                      // 'bolt://127.0.0.1:41234'
 *   await neo4j.stop();
 *
 * Plain ESM JavaScript so that it runs without tsx; types in server.d.mts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(SERVER_DIR, 'pom.xml');
const SOURCES = path.join(SERVER_DIR, 'src');
const TARGET = path.join(SERVER_DIR, 'target');
/**
 * Rewritten last by every `mvn package` (see pom.xml): a finished build is newer than pom.xml and src/. It
 * lists the dependency jars (lib/...) that make up the classpath.
 */
const STAMP = path.join(TARGET, 'classpath.txt');
const BUILD_LOCK = path.join(TARGET, '.build-lock');
// eslint-disable-next-line no-control-regex -- Debian's mvn prints colour resets even with -q
const ANSI = /\x1b\[[0-9;]*m/g;
const MAIN_CLASS = 'org.netzwerkatlas.Neo4jServer';
const READY = /^Neo4j (\S+) ready at (bolt:\/\/\S+)$/;

export const INSTALL_HINT =
  'Install Java 17 + Maven 3.8 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ' +
  "or run Neo4j in Docker instead: 'docker compose up neo4j'.";

/**
 * JVM flags for Neo4j 5 on Java 17: the opens let the page cache and the transaction log use direct buffers
 * and file descriptors without fallbacks (Neo4j warns otherwise); fixed heap bounds silence its heap-size
 * warnings. Extra flags (e.g. -Xmx2g) can be appended through NEO4J_SERVER_JAVA_OPTS.
 */
export const JVM_FLAGS = [
  '-Xms512m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

const isWindows = process.platform === 'win32';

/** The environment of this process (the only place here that reads it). */
function environment() {
  // eslint-disable-next-line no-restricted-properties -- a dev/test launcher, not server code
  return process.env;
}

function javaMajorVersion() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return null;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major; // "1.8.0_x" is Java 8
}

function hasMaven() {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8', shell: isWindows });
  return !r.error && r.status === 0;
}

function newestMtime(file) {
  const s = statSync(file);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** True when target/ is missing or older than pom.xml or anything under src/. */
export function needsBuild() {
  if (!existsSync(STAMP) || !existsSync(path.join(TARGET, 'lib')) || !existsSync(path.join(TARGET, 'classes'))) {
    return true;
  }
  return statSync(STAMP).mtimeMs < Math.max(newestMtime(POM), newestMtime(SOURCES));
}

/**
 * Null when the tools to run the server are there (Java >= 17; Maven only if a build is needed), else what
 * is missing, e.g. 'no java/mvn found' (show it with INSTALL_HINT).
 */
export function missingTools({ needMaven = needsBuild() } = {}) {
  const java = javaMajorVersion();
  const mvn = !needMaven || hasMaven();
  if (java !== null && java >= 17 && mvn) return null;
  if (java !== null && java < 17) return `Java ${java} found, Neo4j 5 needs Java 17${mvn ? '' : ', and no mvn found'}`;
  return `no ${[java === null ? 'java' : '', mvn ? '' : 'mvn'].filter(Boolean).join('/')} found`;
}

function lineReader(stream, onLine) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

function tailKeeper(max = 40) {
  const lines = [];
  return {
    push(line) {
      lines.push(line);
      if (lines.length > max) lines.shift();
    },
    text: () => lines.join('\n'),
  };
}

/**
 * Runs `mvn -q -B package` for test/neo4j-server when needed (or always with force). The first build
 * downloads Neo4j and its dependencies (~125 MB) from Maven Central into ~/.m2.
 */
export async function buildNeo4jServer({ onLog = () => undefined, force = false, timeoutMs = 15 * 60_000 } = {}) {
  if (!force && !needsBuild()) return false;
  // One build at a time (e.g. `npm test` and `npm run neo4j` started together after a pom change).
  return withBuildLock(timeoutMs, async () => {
    if (!force && !needsBuild()) return false; // built by the other process meanwhile
    await runMaven({ onLog, timeoutMs });
    return true;
  });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function withBuildLock(timeoutMs, fn) {
  mkdirSync(TARGET, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(BUILD_LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = 0;
      try {
        holder = Number(readFileSync(BUILD_LOCK, 'utf8'));
      } catch {
        // removed meanwhile
      }
      if (!holder || !processAlive(holder)) {
        rmSync(BUILD_LOCK, { force: true }); // left behind by a build that died
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another Neo4j server build (pid ${holder}).`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(BUILD_LOCK, { force: true });
  }
}

async function runMaven({ onLog, timeoutMs }) {
  onLog('Building the Neo4j test server (mvn package; the first build downloads Neo4j from Maven Central) ...');
  const started = Date.now();
  const child = spawn('mvn', ['-q', '-B', '-f', POM, 'package'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: isWindows,
  });
  // No Maven left running (nor its lock) when this process exits mid-build, e.g. on Ctrl-C.
  const killBuild = () => {
    child.kill('SIGTERM');
    rmSync(BUILD_LOCK, { force: true });
  };
  process.on('exit', killBuild);
  const tail = tailKeeper();
  const log = (raw) => {
    const line = raw.replace(ANSI, '');
    if (!line.trim()) return;
    tail.push(line);
    onLog(line);
  };
  lineReader(child.stdout, log);
  lineReader(child.stderr, log);
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? signal));
  }).finally(() => {
    clearTimeout(timer);
    process.off('exit', killBuild);
  });
  if (code !== 0) {
    throw new Error(`Building the Neo4j test server failed (mvn exited with ${code}):\n${tail.text()}`);
  }
  onLog(`Neo4j test server built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * target/lib/*.jar as listed in target/classpath.txt: exactly the current dependencies, even when target/lib
 * still holds the jars of a version the pom was pinned to before (the build never deletes jars, so a
 * rebuild does not pull them from under a server that is running).
 */
function dependencyJars() {
  return readFileSync(STAMP, 'utf8')
    .trim()
    .split(path.delimiter)
    .filter(Boolean)
    .map((entry) => path.join(TARGET, entry));
}

function splitOptions(text) {
  return (text ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Builds if needed, starts the server and resolves once Bolt accepts connections.
 *
 * @param {object} [options]
 * @param {number} [options.port] Bolt port; 0 = any free port (the kernel picks it, no race). Default 7687.
 * @param {string} [options.host] listen address, default 127.0.0.1.
 * @param {string} [options.data] store folder kept across starts; default a fresh temporary one.
 * @param {string[]} [options.args] further arguments for Neo4jServer (e.g. ['--verbose']).
 * @param {(line: string) => void} [options.onLog] build output and the server's stderr, line by line.
 * @param {number} [options.timeoutMs] how long the server may take to get ready (default 180 s).
 */
export async function startNeo4j({ port, host, data, args = [], onLog = () => undefined, timeoutMs = 180_000 } = {}) {
  const missing = missingTools();
  if (missing) {
    const error = new Error(`Cannot start the Neo4j test server: ${missing}. ${INSTALL_HINT}`);
    error.code = 'NEO4J_TOOLS_MISSING';
    throw error;
  }
  await buildNeo4jServer({ onLog });

  const serverArgs = ['--exit-on-stdin-eof', ...args];
  if (port !== undefined) serverArgs.push('--port', String(port));
  if (host !== undefined) serverArgs.push('--host', host);
  if (data !== undefined) serverArgs.push('--data', path.resolve(data));
  const classpath = [path.join(TARGET, 'classes'), ...dependencyJars()].join(path.delimiter);
  const javaArgs = [
    ...JVM_FLAGS,
    ...splitOptions(environment().NEO4J_SERVER_JAVA_OPTS),
    '-cp',
    classpath,
    MAIN_CLASS,
    ...serverArgs,
  ];

  // stdin stays an open pipe: the server stops when it closes, so Java never outlives this process,
  // even when this process is killed with SIGKILL.
  const child = spawn('java', javaArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  const tail = tailKeeper();
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));

  let readyLine = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not get ready within ${timeoutMs / 1000} s. Last output:\n${tail.text()}`));
    }, timeoutMs);
    lineReader(child.stdout, (line) => {
      const m = READY.exec(line);
      if (m && !readyLine) {
        readyLine = line;
        clearTimeout(timer);
        resolve({ version: m[1], uri: m[2] });
      } else {
        tail.push(line);
        onLog(line);
      }
    });
    lineReader(child.stderr, (line) => {
      tail.push(line);
      onLog(line);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`Cannot start java: ${e.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited with ${code} before it was ready. Last output:\n${tail.text()}`));
    });
  });

  const { version, uri } = await ready;
  let stopping = null;
  return {
    uri,
    version,
    readyLine,
    pid: child.pid,
    exited,
    /** SIGTERM, then SIGKILL after 15 s; resolves with the exit code (0 after a clean shutdown). */
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return exited;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        try {
          return await exited;
        } finally {
          clearTimeout(timer);
        }
      })();
      return stopping;
    },
  };
}

