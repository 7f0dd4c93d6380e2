/** pino JSON logs; every request's lines carry its request id through a child logger. */
import { pino, type Logger } from 'pino';

export const createLogger = (level: string): Logger =>
  pino({ level, base: { service: 'osmosis' }, timestamp: pino.stdTimeFunctions.isoTime });
