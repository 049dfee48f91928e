/**
 * Structure of docker-compose.yml and the Dockerfile (Docker itself does not run in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

type Yaml = Record<string, unknown>;

function obj(value: unknown, what: string): Yaml {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a mapping`);
  return value as Yaml;
}

/** `environment:` as a mapping, whether written as a mapping or as a list of KEY=value. */
function env(service: Yaml): Record<string, string> {
  const e = service.environment;
  if (Array.isArray(e)) {
    return Object.fromEntries(
      e.map((item) => {
        const s = String(item);
        const i = s.indexOf('=');
        return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(obj(e, 'environment')).map(([k, v]) => [k, String(v)]));
}

const compose = obj(parse(read('docker-compose.yml')), 'docker-compose.yml');
const services = obj(compose.services, 'services');
const neo4j = obj(services.neo4j, 'services.neo4j');
const app = obj(services.app, 'services.app');

describe('docker-compose.yml', () => {
  it('has the two services and no obsolete top-level version key', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'neo4j']);
    expect(compose).not.toHaveProperty('version');
  });

  it('runs Neo4j 5 with published ports, a named data volume and a healthcheck', () => {
    expect(neo4j.image).toMatch(/^neo4j:5(\.|-|$)/);
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));

    const volumes = neo4j.volumes as unknown[];
    const dataMount = volumes.map(String).find((v) => v.endsWith(':/data'));
    expect(dataMount).toBeDefined();
    const volumeName = String(dataMount).split(':')[0] ?? '';
    expect(Object.keys(obj(compose.volumes, 'volumes'))).toContain(volumeName);

    const health = obj(neo4j.healthcheck, 'neo4j.healthcheck');
    expect(JSON.stringify(health.test)).toMatch(/cypher-shell|wget|curl/);
    expect(health).toHaveProperty('interval');
    expect(health).toHaveProperty('timeout');
    expect(health).toHaveProperty('retries');
  });

  it('gives the app the same Neo4j credentials as NEO4J_AUTH', () => {
    const auth = env(neo4j).NEO4J_AUTH ?? '';
    const m = /^(\$\{NEO4J_USERNAME(?::-[^}]*)?\})\/(\$\{NEO4J_PASSWORD(?::-[^}]*)?\})$/.exec(auth);
    expect(m, `NEO4J_AUTH=${auth}`).not.toBeNull();
    const appEnv = env(app);
    expect(appEnv.NEO4J_USERNAME).toBe(m?.[1]);
    expect(appEnv.NEO4J_PASSWORD).toBe(m?.[2]);
    expect(appEnv.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(appEnv.NEO4J_DATABASE).toBe('neo4j');
    expect(appEnv.HOST).toBe('0.0.0.0');
    expect(appEnv.PORT).toBe('4000');
  });

  it('builds the app from the Dockerfile, publishes it and starts it after Neo4j is healthy', () => {
    const build = app.build;
    const dockerfile = typeof build === 'string' ? 'Dockerfile' : String(obj(build, 'app.build').dockerfile ?? 'Dockerfile');
    const context = typeof build === 'string' ? build : String(obj(build, 'app.build').context ?? '.');
    expect(path.resolve(ROOT, context, dockerfile)).toBe(path.join(ROOT, 'Dockerfile'));
    expect(app.ports).toEqual(['${PORT:-4000}:4000']);
    expect(obj(obj(app.depends_on, 'app.depends_on').neo4j, 'depends_on.neo4j').condition).toBe('service_healthy');
    expect(app.restart).toBe('unless-stopped');
    expect(JSON.stringify(obj(app.healthcheck, 'app.healthcheck').test)).toContain('localhost:4000/healthz');
  });
});

describe('Dockerfile', () => {
  const dockerfile = existsSync(path.join(ROOT, 'Dockerfile')) ? read('Dockerfile') : '';
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('exists', () => {
    expect(dockerfile).not.toBe('');
  });

  it('uses a Node >= 20 base image in every stage', () => {
    const froms = instructions.filter((l) => /^FROM\s/i.test(l));
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) {
      const major = Number(/node:(\d+)/.exec(from)?.[1]);
      expect(major, from).toBeGreaterThanOrEqual(20);
    }
  });

  it('installs with npm ci, builds, exposes 4000 and starts with npm start under tini', () => {
    const runs = instructions.filter((l) => /^RUN\s/i.test(l)).join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run build'));
    expect(instructions).toContain('EXPOSE 4000');
    expect(instructions.at(-1)).toBe('CMD ["npm", "start"]');
    // An init process as PID 1 (tini from Debian) forwards the stop signal and reaps zombies.
    expect(instructions).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(instructions.some((l) => /^RUN\s.*apt-get install .*\btini\b/.test(l))).toBe(true);
    expect(instructions.some((l) => /^ENV\s.*\bHOST=0\.0\.0\.0\b/.test(l))).toBe(true);
  });

  it('ships the sources npm start needs in the runtime stage', () => {
    const runtime = instructions.slice(instructions.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true));
    const copies = runtime.filter((l) => /^COPY\s/i.test(l)).join('\n');
    for (const needed of ['node_modules', 'dist', 'package.json', 'server', 'client', 'cypher', 'tsconfig.json']) {
      expect(copies, needed).toContain(`/app/${needed}`);
    }
  });

  it('keeps local state out of the build context', () => {
    const ignored = read('.dockerignore').split(/\r?\n/).map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', 'test-results', '.git']));
  });
});
