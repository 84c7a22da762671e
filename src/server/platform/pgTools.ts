// pg_dump and pg_restore as child processes, for backups of a PostgreSQL database (issue 10).
// The password of DATABASE_URL goes to the tool in PGPASSWORD, never on its command line, where
// every user of the machine could read it in the process list.
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A PostgreSQL client tool failed or is missing; the message says what to do, in Chinese and English. */
export class PgToolError extends Error {
  constructor(
    readonly code: 'TOOL_MISSING' | 'TOOL_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'PgToolError';
  }
}

/** The connection string without its password, and an environment carrying the password. */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/**
 * Runs a PostgreSQL client tool with `stdin` piped in and its output piped to `stdout`; resolves
 * when it exited 0 and every byte went through, rejects with the tail of its stderr otherwise.
 */
export async function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  url: string,
  io: { stdin?: Readable; stdout?: Writable },
): Promise<void> {
  const { dbname, env } = toolConnection(url);
  const child = spawn(tool, [...args, '--no-password', `--dbname=${dbname}`], {
    env,
    stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const streams = Promise.all([
    io.stdin && child.stdin ? pipeline(io.stdin, child.stdin) : undefined,
    io.stdout && child.stdout ? pipeline(child.stdout, io.stdout) : undefined,
  ]);
  let code: number;
  try {
    code = await exited;
  } catch (err) {
    streams.catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new PgToolError(
        'TOOL_MISSING',
        `未找到 ${tool}：请安装与服务器主版本相同或更新的 PostgreSQL 客户端（如 apt install postgresql-client）并确保它在 PATH 中。` +
          ` / ${tool} was not found: install the PostgreSQL client tools (same or newer major version than the server) and put them on PATH.`,
      );
    throw err;
  }
  // A tool that stopped early breaks the pipe of its input; its own exit code and stderr say why.
  const piped = await streams.then(
    () => null,
    (err: unknown) => err as Error,
  );
  if (code !== 0) throw new PgToolError('TOOL_FAILED', `${tool} 失败（退出码 ${code}） / ${tool} failed (exit ${code}):\n${stderr.trim()}`);
  if (piped) throw piped;
}
