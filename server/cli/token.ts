/**
 * `npm run token -- <command>`: access tokens of the configured store (admin work on the server's machine).
 *
 *   create --role viewer|editor|admin --name "Workshop Delitzsch"   prints the secret and a sign-in link, once
 *          [--pseudonymous]                                         (viewer) answers name actors by pseudonym
 *   list [--all]                                                     active tokens (with --all also revoked ones)
 *   revoke <id>                                                      stops a token at once
 */
import { GraphQLError } from 'graphql';
import { parseArgs } from 'node:util';
import { checkRole, createToken, revokeToken, signInUrl } from '../auth/tokens.ts';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/open-store.ts';

const USAGE = `Usage:
  npm run token -- create --role <viewer|editor|admin> --name "<name>" [--pseudonymous]
  npm run token -- list [--all]
  npm run token -- revoke <token id>

Tokens live in the store configured by DATA_DIR or NEO4J_URI. Only a hash of each secret is kept:
the secret and its sign-in link are shown once, when the token is created.
Roles: viewer reads, editor also edits and imports, admin also manages tokens.
--pseudonymous (viewer only): a share link whose answers name actors by kind and number ("Unternehmen 3").

Exit codes: 0 done; 1 unknown token or refused (the last admin token stays); 2 usage error.`;

type Command = { cmd: 'create'; role: string; name: string; pseudonymous: boolean } | { cmd: 'list'; all: boolean } | { cmd: 'revoke'; id: string };

function parse(): Command {
  const { values, positionals } = parseArgs({
    options: { role: { type: 'string' }, name: { type: 'string' }, pseudonymous: { type: 'boolean' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [cmd, ...rest] = positionals;
  if (cmd === 'create') {
    if (!values.role) throw new Error('create needs --role');
    if (!values.name?.trim()) throw new Error('create needs --name');
    checkRole(values.role);
    return { cmd, role: values.role, name: values.name, pseudonymous: values.pseudonymous === true };
  }
  if (cmd === 'list') return { cmd, all: values.all === true };
  if (cmd === 'revoke') {
    if (rest.length !== 1 || !rest[0]) throw new Error('revoke needs one token id (see npm run token -- list)');
    return { cmd, id: rest[0] };
  }
  throw new Error(cmd ? `unknown command "${cmd}"` : 'name a command');
}

let command: Command;
try {
  command = parse();
} catch (e) {
  console.error(`token: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();
const store = await openStore(config);
let code = 0;
try {
  await store.init();
  if (command.cmd === 'create') {
    const { token, secret } = await createToken(store, { name: command.name, role: command.role, createdBy: 'CLI', pseudonymous: command.pseudonymous });
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const base = config.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${config.port}/`;
    console.log(`Created ${token.role} token ${token.id} "${token.name}"${token.pseudonymous ? ' (pseudonymised)' : ''}.`);
    console.log(`Secret (shown only now): ${secret}`);
    console.log(`Sign-in link:            ${signInUrl(base, secret)}`);
  } else if (command.cmd === 'list') {
    const all = command.all;
    const tokens = (await store.tokens.list()).filter((t) => all || t.revokedAt === null);
    if (tokens.length === 0) console.log('No tokens.');
    for (const t of tokens)
      console.log(
        [t.id.padEnd(16), t.role.padEnd(7), t.name.padEnd(32), `created ${t.createdAt.slice(0, 16)}`, t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 16)}` : 'never used', t.revokedAt ? `REVOKED ${t.revokedAt.slice(0, 16)}` : '']
          .join('  ')
          .trimEnd(),
      );
  } else {
    const t = await revokeToken(store, command.id);
    if (!t) {
      console.error(`token: no token "${command.id}" (see npm run token -- list)`);
      code = 1;
    } else console.log(`Revoked ${t.role} token ${t.id} "${t.name}".`);
  }
} catch (e) {
  // Refusals (the last admin token, a bad name) are plain messages, not stack traces.
  if (!(e instanceof GraphQLError)) throw e;
  console.error(`token: ${e.message}`);
  code = 1;
} finally {
  await store.close();
}
process.exit(code);
