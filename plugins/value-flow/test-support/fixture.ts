/**
 * The hand-checked value network of the value-flow tests. Actors, in key (= index) order:
 *   0 a-org (ORGANIZATION), 1 b-team (TEAM), 2 c-emp and 3 d-emp (EMPLOYEE, members of b-team),
 *   4 e-cust and 5 f-cust (CUSTOMER), 6 g-supp (SUPPLIER).
 * Exchanges, in time order (row r = position here), ✓ when reciprocated within 30 days:
 *   r0  01-01 e → org   MONEY 100      ✓ org → e on 01-03
 *   r1  01-03 org → e   GOODS 2          e → org again only on 03-02 (58 days)
 *   r2  01-05 e → c     FEEDBACK 1     ✓ c → e on 01-10
 *   r3  01-10 c → e     SUPPORT 2
 *   r4  01-12 c → d     KNOWLEDGE 1      d → c on 02-20 (39 days: ✓ within 40)
 *   r5  02-01 org → g   MONEY 500      ✓ g → org on 02-03
 *   r6  02-03 g → org   GOODS 50
 *   r7  02-10 d → f     SUPPORT 1
 *   r8  02-20 d → c     RECOGNITION 1
 *   r9  03-01 f → team  FEEDBACK 1
 *   r10 03-02 e → org   MONEY 80
 *   r11 03-10 d → g     KNOWLEDGE 1    ✓ g → d at the same instant
 *   r12 03-10 g → d     KNOWLEDGE 1    ✓ d → g at the same instant
 * (r11 and r12 share their instant: the facts order them by giver key, d before g.)
 * Signals: s0 email 01-02 09:00 from e, answered by c at 12:00; s1 web 02-15 from f, unanswered;
 * s2 email 01-02 09:00 anonymous.
 */
import type { GraphFixture } from '../../../src/plugin-api/index.js';

const day = (d: string, time = '00:00:00') => `2026-${d}T${time}Z`;

export const VALUE_FIXTURE: GraphFixture = {
  actors: [
    { key: 'a-org', kind: 'ORGANIZATION' }, { key: 'b-team', kind: 'TEAM' }, 'c-emp', 'd-emp',
    { key: 'e-cust', kind: 'CUSTOMER' }, { key: 'f-cust', kind: 'CUSTOMER' }, { key: 'g-supp', kind: 'SUPPLIER' },
  ],
  ties: [
    { from: 'c-emp', to: 'b-team', type: 'MEMBER_OF' },
    { from: 'd-emp', to: 'b-team', type: 'MEMBER_OF' },
    { from: 'b-team', to: 'a-org', type: 'MEMBER_OF' },
  ],
  exchanges: [
    { from: 'e-cust', to: 'a-org', kind: 'MONEY', amount: 100, occurredAt: day('01-01') },
    { from: 'a-org', to: 'e-cust', kind: 'GOODS', amount: 2, occurredAt: day('01-03') },
    { from: 'e-cust', to: 'c-emp', kind: 'FEEDBACK', amount: 1, occurredAt: day('01-05') },
    { from: 'c-emp', to: 'e-cust', kind: 'SUPPORT', amount: 2, occurredAt: day('01-10') },
    { from: 'c-emp', to: 'd-emp', kind: 'KNOWLEDGE', amount: 1, occurredAt: day('01-12') },
    { from: 'a-org', to: 'g-supp', kind: 'MONEY', amount: 500, occurredAt: day('02-01') },
    { from: 'g-supp', to: 'a-org', kind: 'GOODS', amount: 50, occurredAt: day('02-03') },
    { from: 'd-emp', to: 'f-cust', kind: 'SUPPORT', amount: 1, occurredAt: day('02-10') },
    { from: 'd-emp', to: 'c-emp', kind: 'RECOGNITION', amount: 1, occurredAt: day('02-20') },
    { from: 'f-cust', to: 'b-team', kind: 'FEEDBACK', amount: 1, occurredAt: day('03-01') },
    { from: 'e-cust', to: 'a-org', kind: 'MONEY', amount: 80, occurredAt: day('03-02') },
    { from: 'd-emp', to: 'g-supp', kind: 'KNOWLEDGE', amount: 1, occurredAt: day('03-10') },
    { from: 'g-supp', to: 'd-emp', kind: 'KNOWLEDGE', amount: 1, occurredAt: day('03-10') },
  ],
  signals: [
    { channel: 'email', externalId: 'm-1', kind: 'COMPLAINT', occurredAt: day('01-02', '09:00:00'), emitter: 'e-cust' },
    { channel: 'web', externalId: 'w-1', kind: 'QUESTION', occurredAt: day('02-15'), emitter: 'f-cust' },
    { channel: 'email', externalId: 'm-2', kind: 'IDEA', occurredAt: day('01-02', '09:00:00'), emitter: null },
  ],
  responses: [{ signal: 'm-1', responder: 'c-emp', respondedAt: day('01-02', '12:00:00') }],
};

/** Actor indexes of the fixture. */
export const A = { org: 0, team: 1, c: 2, d: 3, e: 4, f: 5, g: 6 } as const;
