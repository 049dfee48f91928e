/** Types for server.mjs (the project's own Neo4j test server). */

export declare const SERVER_DIR: string;
export declare const INSTALL_HINT: string;
export declare const JVM_FLAGS: readonly string[];

export declare function needsBuild(): boolean;
/** Null when java (>= 17) and, if a build is needed, mvn are there; else e.g. 'no java/mvn found'. */
export declare function missingTools(options?: { needMaven?: boolean }): string | null;
export declare function buildNeo4jServer(options?: {
  onLog?: (line: string) => void;
  force?: boolean;
  timeoutMs?: number;
}): Promise<boolean>;

export interface StartNeo4jOptions {
  /** Bolt port; 0 = any free port. Default 7687. */
  port?: number;
  /** Listen address, default 127.0.0.1. */
  host?: string;
  /** Store folder kept across starts; default a fresh temporary folder, deleted on exit. */
  data?: string;
  /** Further arguments for Neo4jServer, e.g. ['--verbose', '--page-cache', '256m']. */
  args?: string[];
  /** Build output and the server's stderr, line by line. */
  onLog?: (line: string) => void;
  /** How long the server may take to get ready after the build, default 180 000. */
  timeoutMs?: number;
}

export interface RunningNeo4j {
  /** e.g. 'bolt://127.0.0.1:7687' */
  uri: string;
  /** e.g. '5.26.30' */
  version: string;
  /** The line the server printed: `Neo4j <version> ready at <uri>`. */
  readyLine: string;
  pid: number | undefined;
  /** Resolves with the exit code (or signal name) when the server process has ended. */
  exited: Promise<number | string | null>;
  /** SIGTERM (SIGKILL after 15 s); resolves with the exit code, 0 after a clean shutdown. */
  stop(): Promise<number | string | null>;
}

/** Error thrown by startNeo4j when java/mvn are missing has code 'NEO4J_TOOLS_MISSING'. */
export declare function startNeo4j(options?: StartNeo4jOptions): Promise<RunningNeo4j>;
