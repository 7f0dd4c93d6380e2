/**
 * Osmosis Value Flow: reciprocity per actor
 * ==========================================
 *
 * From the reciprocated flags (reciprocated.ts), for every actor a:
 *   given(a)            exchanges a gave;   givenReciprocated(a): of those, reciprocated by the receiver;
 *   received(a)         exchanges a got;    receivedAnswered(a): of those, a answered in the window.
 * Shares are left to the caller (givenReciprocated / given, receivedAnswered / received). O(rows).
 */
import type { ExchangeColumns } from './columns.js';
import { checkRows, invalidInput } from './options.js';

const MODULE = 'osmosis/value-flow/actor-reciprocity';

export interface ActorReciprocity {
  readonly given: Uint32Array;
  readonly givenReciprocated: Uint32Array;
  readonly received: Uint32Array;
  readonly receivedAnswered: Uint32Array;
}

export function actorReciprocity(x: ExchangeColumns, rows: Uint32Array, actorCount: number, flags: Uint8Array): ActorReciprocity {
  checkRows(MODULE, x, rows, actorCount);
  if (flags.length !== rows.length) throw invalidInput(MODULE, 'flags must have one entry per row');
  const given = new Uint32Array(actorCount);
  const givenReciprocated = new Uint32Array(actorCount);
  const received = new Uint32Array(actorCount);
  const receivedAnswered = new Uint32Array(actorCount);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    given[x.from[r]]++;
    received[x.to[r]]++;
    if (flags[k]) {
      givenReciprocated[x.from[r]]++;
      receivedAnswered[x.to[r]]++;
    }
  }
  return { given, givenReciprocated, received, receivedAnswered };
}
