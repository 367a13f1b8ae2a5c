import type { LoggerOptions } from 'pino';
import type { Config } from '../config.js';

/** Readable lines for a person at a terminal; JSON for everything else (files, journald, log shippers). */
export function prettyLogs(config: Pick<Config, 'nodeEnv'>, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdout.isTTY === true && config.nodeEnv !== 'production';
}

/** The options of every Retour logger: the server's (Fastify) and the worker's. */
export function loggerOptions(config: Pick<Config, 'nodeEnv' | 'logLevel'>, stdout: { isTTY?: boolean } = process.stdout): LoggerOptions {
  const base: LoggerOptions = { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] };
  if (!prettyLogs(config, stdout)) return base;
  return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: false } } };
}
