import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has working defaults: embedded store under ./data on 127.0.0.1:4000', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 4000, dataDir: '/srv/app/data', neo4j: null, development: false });
    expect(c.databaseFile).toBe('/srv/app/data/netzwerkatlas.sqlite');
  });

  it('switches to Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({ NEO4J_URI: 'bolt://localhost:7687', NEO4J_PASSWORD: 'secret' });
    expect(c.neo4j).toEqual({ uri: 'bolt://localhost:7687', username: 'neo4j', password: 'secret', database: 'neo4j' });
  });

  it('reports every problem at once, naming the variables', () => {
    try {
      loadConfig({ PORT: 'abc', NEO4J_URI: 'http://nope', NODE_ENV: 'staging' });
      throw new Error('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/NEO4J_URI/);
      expect(problems).toMatch(/NODE_ENV/);
    }
  });

  it('access: reading open by default, READ_ACCESS=token closes it; PUBLIC_URL for sign-in links', () => {
    expect(loadConfig({})).toMatchObject({ readAccess: 'open', publicUrl: null });
    expect(loadConfig({ READ_ACCESS: 'token', PUBLIC_URL: 'https://atlas.example.org/' })).toMatchObject({
      readAccess: 'token',
      publicUrl: 'https://atlas.example.org/',
    });
    expect(() => loadConfig({ READ_ACCESS: 'closed', PUBLIC_URL: 'nope' })).toThrow(/READ_ACCESS[\s\S]*PUBLIC_URL/);
  });

  it('accepts bolt, neo4j (cluster) and neo4j+s (Aura) URIs, with or without a password', () => {
    // No password: a server with authentication off (npm run neo4j).
    expect(loadConfig({ NEO4J_URI: 'neo4j://db:7687' }).neo4j).toMatchObject({ uri: 'neo4j://db:7687', password: '' });
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io' }).neo4j?.uri).toBe('neo4j+s://abcd1234.databases.neo4j.io');
  });
});
