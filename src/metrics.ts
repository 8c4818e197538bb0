import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AskEvent } from './answer/ask.js';
import type { Vote } from './feedback/store.js';

/**
 * GET /metrics in Prometheus' text format (prom-client): questions by channel and outcome, refusals
 * (questions the plans do not answer), answer latency, LLM replies not used by reason, votes, and the
 * process' own metrics. One registry per server, so two servers in one test process do not mix.
 * Labels are fixed small sets (channel, intent kind, reason): never a question, a user or an id.
 */

export interface Metrics {
  readonly registry: Registry;
  answered(event: AskEvent): void;
  voted(vote: Vote): void;
  handler: RequestHandler;
}

export function createMetrics(opts: { failedWrites?: () => number } = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'veileder' });
  collectDefaultMetrics({ register: registry, prefix: 'veileder_' });
  const questions = new Counter({
    name: 'veileder_questions_total',
    help: 'Questions answered, by channel and whether the plans answered them',
    labelNames: ['channel', 'found'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'veileder_refusals_total',
    help: 'Questions the plans did not answer (not found, empty, search unavailable), by kind',
    labelNames: ['channel', 'intent'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'veileder_answer_duration_seconds',
    help: 'Time ask() took to answer, LLM included',
    labelNames: ['channel'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'veileder_llm_fallbacks_total',
    help: 'LLM replies not used (the extractive answer was given instead), by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const votes = new Counter({
    name: 'veileder_votes_total',
    help: 'Votes stored on answers',
    labelNames: ['vote'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'veileder_store_failed_writes',
    help: 'Writes the store could not take since start (answer given without id, vote refused)',
    registers: [registry],
    collect() {
      this.set(opts.failedWrites?.() ?? 0);
    },
  });
  // Labels known in advance start at 0, so a rate() has a series before the first event.
  for (const vote of ['up', 'down']) votes.labels(vote).inc(0);

  return {
    registry,
    answered(e) {
      questions.labels(e.channel, String(e.found)).inc();
      if (!e.found) refusals.labels(e.channel, e.intent).inc();
      latency.labels(e.channel).observe(e.ms / 1000);
      if (e.llm !== 'used' && e.llm !== 'off') fallbacks.labels(e.llm).inc();
    },
    voted(vote) {
      votes.labels(vote).inc();
    },
    handler: async (_req, res) => {
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(await registry.metrics());
    },
  };
}
