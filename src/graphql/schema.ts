/** Assembles the schema: importing each type module registers it on the builder. */
import { builder } from './builder.js';
import './scalars.js';
import './enums.js';
import './types/actor.js';
import './types/tie.js';
import './types/signal.js';
import './types/exchange.js';
import './types/learning.js';
import './types/query.js';
import './types/mutation.js';
import './types/subscription.js'; // realtime (issue 4)
// Plugin host hook: Query.plugins and the Query.analytics namespace plugins extend.
import '../plugin-host/graphql.js';

export const buildSchema = () => builder.toSchema({ sortSchema: false });
