/**
 * What the sidebar shows beside a decision being written: related decisions at other clients and
 * the principles its tags break (ADR 22). The server reduces the registry once per form session to
 * `SignalSources`, built field by field from an allow-list; the browser then answers every
 * keystroke with `signalsFinder`, the very code the server's `decisionSignals` runs.
 */
import { PENDING_DECISION_STATUS, splitTags } from './item-states.js';
import { conflictMessage, conflictsOf, type Principle, type PrincipleRule } from './principles.js';
import {
  relatedCandidates,
  relatedIndex,
  type ClientDecisions,
  type RelatedCandidate,
  type RelatedDecision,
} from './related-decisions.js';

/** Everything the signals are computed from, and all that leaves the registry for them. */
export interface SignalSources {
  /** The other clients' decisions that have a tag, as a related-decision line shows them. */
  decisions: RelatedCandidate[];
  /** The active principles that avoid something, as a conflict line names them. */
  principles: PrincipleRule[];
}

/** The fields of `SignalSources`, by kind: the allow-list its property test holds it to. */
export const SIGNAL_FIELDS = {
  decision: ['clientId', 'clientName', 'id', 'title', 'status', 'tags', 'date'],
  principle: ['id', 'principle', 'avoid', 'active'],
} as const;

export interface DecisionSignals {
  related: RelatedDecision[];
  conflicts: { principleId: string; principle: string; matched: string[]; message: string }[];
}

/** The decision being written, as far as its signals go. */
export interface DecisionDraft {
  tags: readonly string[];
  exception: string;
  excludeClientId: string;
}

export function signalSources(
  clients: readonly ClientDecisions[],
  principles: readonly Principle[],
  excludeClientId: string,
): SignalSources {
  return {
    decisions: relatedCandidates(clients.filter((c) => c.clientId !== excludeClientId)),
    principles: principles
      .filter((p) => p.active && p.avoid.length > 0)
      .map(({ id, principle, avoid, active }) => ({ id, principle, avoid, active })),
  };
}

/** Answers any number of drafts from one set of sources; the decisions are indexed once. */
export function signalsFinder(sources: SignalSources): (draft: DecisionDraft) => DecisionSignals {
  const related = relatedIndex(sources.decisions);
  return (draft) => {
    const tags = splitTags(draft.tags.join(','));
    const written = {
      fields: { status: PENDING_DECISION_STATUS, tags, exception: draft.exception },
    };
    return {
      related: related(tags, draft.excludeClientId, Number.POSITIVE_INFINITY),
      conflicts: conflictsOf(written, sources.principles).map(({ principle, matched }) => ({
        principleId: principle.id,
        principle: principle.principle,
        matched,
        message: conflictMessage(principle),
      })),
    };
  };
}
