/**
 * Writes. Every input is validated by the domain's zod schemas before the store sees it; a
 * failure answers BAD_USER_INPUT naming the field at fault and writes nothing. Batches are one
 * transaction: all items or none.
 */
import { builder } from '../builder.js';
import { ActorRef, ChangeRef, ExchangeRef, InsightRef, ProcessRef, ResponseRef, SignalRef, TieRef } from '../refs.js';
import { AboutTargetEnum, ActorKindEnum, SignalKindEnum, TieTypeEnum, ValueKindEnum } from '../enums.js';
import { domain } from '../errors.js';
import { DomainError } from '../../domain/errors.js';
import { decodeId } from '../ids.js';
import { primeActors } from '../loaders.js';
import {
  actorInput, actorKey, changeInput, exchangeInput, insightInput, parseBatch, parseInput, responseInput, signalInput, tieInput,
} from '../../domain/inputs.js';
import type { Actor, Change, Insight, Process, Response, Signal, Tie, ValueExchange } from '../../domain/entities.js';

// --- inputs -----------------------------------------------------------------------------------

const ActorInput = builder.inputType('ActorInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Stable external key, e.g. crm:4711 (no spaces, ≤ 200 chars).' }),
    kind: t.field({ type: ActorKindEnum, required: true }),
    name: t.string({ required: true }),
    attributes: t.field({ type: 'JSONObject', required: false, description: 'Free JSON object: at most 16 KiB, nested at most 32 levels. Left out, an existing actor keeps its attributes; null or {} clears them.' }),
  }),
});

const TieInput = builder.inputType('TieInput', {
  fields: (t) => ({
    fromKey: t.string({ required: true }),
    toKey: t.string({ required: true }),
    type: t.field({ type: TieTypeEnum, required: true }),
    weight: t.float({ required: false, description: 'Default 1.' }),
    since: t.field({ type: 'DateTime', required: false }),
  }),
});

const AboutInput = builder.inputType('AboutInput', {
  fields: (t) => ({
    target: t.field({ type: AboutTargetEnum, required: true }),
    ref: t.string({ required: true, description: 'Actor key, topic name or process name.' }),
  }),
});

const SignalInput = builder.inputType('SignalInput', {
  fields: (t) => ({
    channel: t.string({ required: true, description: 'Any channel name: email, phone, twitter, survey...' }),
    externalId: t.string({ required: true, description: 'Id on that channel; (channel, externalId) is unique.' }),
    kind: t.field({ type: SignalKindEnum, required: true }),
    text: t.string({ required: true }),
    sentiment: t.float({ required: false, description: '-1 to 1.' }),
    occurredAt: t.field({ type: 'DateTime', required: true }),
    emitterKey: t.string({ required: false }),
    about: t.field({ type: [AboutInput], required: false }),
  }),
});

const ExchangeInput = builder.inputType('ExchangeInput', {
  fields: (t) => ({
    externalId: t.string({ required: false, description: 'When given, re-sending never duplicates.' }),
    fromKey: t.string({ required: true }),
    toKey: t.string({ required: true }),
    kind: t.field({ type: ValueKindEnum, required: true }),
    amount: t.float({ required: true }),
    unit: t.string({ required: false, description: 'Default EUR for MONEY, count otherwise.' }),
    occurredAt: t.field({ type: 'DateTime', required: true }),
  }),
});

const RespondInput = builder.inputType('RespondInput', {
  fields: (t) => ({
    signalId: t.id({ required: true }),
    responderKey: t.string({ required: true }),
    text: t.string({ required: true }),
    channel: t.string({ required: false, description: "Default: the signal's channel." }),
    respondedAt: t.field({ type: 'DateTime', required: false, description: 'Default: now.' }),
  }),
});

const InsightInput = builder.inputType('InsightInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    summary: t.string({ required: false }),
    signalIds: t.idList({ required: true }),
    topics: t.stringList({ required: false }),
    createdAt: t.field({ type: 'DateTime', required: false, description: 'When the insight was drawn. Default: now.' }),
  }),
});

const ChangeInput = builder.inputType('ChangeInput', {
  fields: (t) => ({
    insightId: t.id({ required: true }),
    processName: t.string({ required: true, description: 'Created when it does not exist yet.' }),
    description: t.string({ required: true }),
    appliedAt: t.field({ type: 'DateTime', required: false, description: 'Default: now.' }),
  }),
});

// --- payloads ---------------------------------------------------------------------------------

const UpsertActorsPayload = builder.objectRef<{ actors: Actor[]; created: number; updated: number; unchanged: number }>('UpsertActorsPayload')
  .implement({
    fields: (t) => ({
      actors: t.field({ type: [ActorRef], resolve: (p) => p.actors }),
      created: t.exposeInt('created'),
      updated: t.exposeInt('updated', { description: 'Existing actors whose kind, name or attributes changed.' }),
      unchanged: t.exposeInt('unchanged', { description: 'Inputs equal to what is stored: nothing written, no event.' }),
    }),
  });

const RecordSignalsPayload = builder.objectRef<{ items: Signal[]; created: number; existing: number }>('RecordSignalsPayload')
  .implement({
    fields: (t) => ({
      signals: t.field({ type: [SignalRef], resolve: (p) => p.items, description: 'One per input, in order.' }),
      created: t.exposeInt('created', { description: 'Signals new to Osmosis.' }),
      existing: t.exposeInt('existing', { description: 'Signals already known by (channel, externalId).' }),
    }),
  });

const RecordExchangesPayload = builder.objectRef<{ items: ValueExchange[]; created: number; existing: number }>('RecordExchangesPayload')
  .implement({
    fields: (t) => ({
      exchanges: t.field({ type: [ExchangeRef], resolve: (p) => p.items, description: 'One per input, in order.' }),
      created: t.exposeInt('created'),
      existing: t.exposeInt('existing'),
    }),
  });

const RespondPayload = builder.objectRef<{ response: Response; signal: Signal }>('RespondPayload').implement({
  fields: (t) => ({
    response: t.field({ type: ResponseRef, resolve: (p) => p.response }),
    signal: t.field({ type: SignalRef, resolve: (p) => p.signal }),
  }),
});

const ApplyChangePayload = builder.objectRef<{ change: Change; process: Process }>('ApplyChangePayload').implement({
  fields: (t) => ({
    change: t.field({ type: ChangeRef, resolve: (p) => p.change }),
    process: t.field({ type: ProcessRef, resolve: (p) => p.process }),
  }),
});

// --- fields -----------------------------------------------------------------------------------

builder.mutationFields((t) => ({
  upsertActors: t.field({
    type: UpsertActorsPayload,
    description: 'Creates or updates actors by key; idempotent.',
    args: { input: t.arg({ type: [ActorInput], required: true }) },
    resolve: (_, args, ctx) => domain(async () => {
      const result = await ctx.store.upsertActors(parseBatch(actorInput, args.input, 'input'));
      primeActors(ctx.loaders, result.actors);
      return result;
    }),
  }),
  tie: t.field({
    type: TieRef,
    description: 'Ties two actors, or updates the weight of their tie of that type.',
    args: { input: t.arg({ type: TieInput, required: true }) },
    resolve: (_, args, ctx) => domain(async (): Promise<Tie> => {
      try {
        const [tie] = await ctx.store.upsertTies([parseInput(tieInput, args.input, ['input'])]);
        return tie;
      } catch (error) {
        // The store sees a batch of one: its paths say input[0].toKey where the argument is input.toKey.
        if (error instanceof DomainError) throw unbatched(error);
        throw error;
      }
    }),
  }),
  untie: t.boolean({
    description: 'Removes a tie; false when there was none.',
    args: {
      fromKey: t.arg.string({ required: true }),
      toKey: t.arg.string({ required: true }),
      type: t.arg({ type: TieTypeEnum, required: true }),
    },
    resolve: (_, args, ctx) => domain(() => ctx.store.removeTie(args.fromKey.trim(), args.toKey.trim(), args.type)),
  }),
  recordSignals: t.field({
    type: RecordSignalsPayload,
    description: 'Ingests signals from any channel; idempotent by (channel, externalId). All or nothing.',
    args: { input: t.arg({ type: [SignalInput], required: true }) },
    resolve: (_, args, ctx) => domain(() => ctx.store.recordSignals(parseBatch(signalInput, args.input, 'input'))),
  }),
  assignSignal: t.field({
    type: SignalRef,
    description: 'Assigns a signal to the actor who must answer it.',
    args: { signalId: t.arg.id({ required: true }), assigneeKey: t.arg.string({ required: true }) },
    resolve: (_, args, ctx) => domain(() =>
      ctx.store.assignSignal(decodeId('Signal', String(args.signalId), 'signalId'), parseInput(actorKey, args.assigneeKey, ['assigneeKey']))),
  }),
  respond: t.field({
    type: RespondPayload,
    description: 'Answers a signal; the signal becomes ANSWERED.',
    args: { input: t.arg({ type: RespondInput, required: true }) },
    resolve: (_, args, ctx) => domain(async () => {
      const input = parseInput(responseInput, {
        ...args.input,
        signalId: decodeId('Signal', String(args.input.signalId), 'input.signalId'),
      }, ['input']);
      try {
        const [result] = await ctx.store.respond([input]);
        return result;
      } catch (error) {
        // As for tie: the store's paths name item 0 of a batch of one.
        if (error instanceof DomainError) throw unbatched(error);
        throw error;
      }
    }),
  }),
  recordExchanges: t.field({
    type: RecordExchangesPayload,
    description: 'Records value given between actors; idempotent by externalId when given. All or nothing.',
    args: { input: t.arg({ type: [ExchangeInput], required: true }) },
    resolve: (_, args, ctx) => domain(() => ctx.store.recordExchanges(parseBatch(exchangeInput, args.input, 'input'))),
  }),
  createInsight: t.field({
    type: InsightRef,
    description: 'Records an insight derived from signals.',
    args: { input: t.arg({ type: InsightInput, required: true }) },
    resolve: (_, args, ctx) => domain((): Promise<Insight> => {
      const signalIds = args.input.signalIds.map((id, i) => decodeId('Signal', String(id), `input.signalIds[${i}]`));
      return ctx.store.createInsight(parseInput(insightInput, { ...args.input, signalIds }, ['input']));
    }),
  }),
  applyChange: t.field({
    type: ApplyChangePayload,
    description: 'An insight changes a process.',
    args: { input: t.arg({ type: ChangeInput, required: true }) },
    resolve: (_, args, ctx) => domain(() => {
      const insightId = decodeId('Insight', String(args.input.insightId), 'input.insightId');
      return ctx.store.applyChange(parseInput(changeInput, { ...args.input, insightId }, ['input']));
    }),
  }),
  eraseActor: t.boolean({
    description: 'Right to be forgotten: the person and the personal data in their signals go; anonymous counts stay. False when the key is unknown.',
    args: { key: t.arg.string({ required: true }) },
    // Trimmed like every key written; a tombstone's key (erased:…) is refused, as everywhere a client names an actor.
    resolve: (_, args, ctx) => domain(() => ctx.store.eraseActor(parseInput(actorKey, args.key, ['key']))),
  }),
}));

/** An error about item 0 of a one-item batch, with the paths of the single input it came from. */
function unbatched(error: DomainError): DomainError {
  const issues = error.issues.map((i) => ({ ...i, path: i.path[0] === 'input' && i.path[1] === 0 ? ['input', ...i.path.slice(2)] : i.path }));
  return new DomainError(error.code, error.message.replaceAll('input[0].', 'input.'), issues);
}
