import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/create-db.js';

/** What every module receives when it is registered: settings, storage, time and the logger. */
export interface AppContext {
  config: Readonly<Config>;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

export interface ModuleOptions {
  ctx: AppContext;
}
