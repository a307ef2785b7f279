/**
 * Adding and changing items, and what the sidebar shows beside a decision being written. Each
 * write holds the document lock; the rules (automatic dates, IDs, supersedes) are the domain's.
 */
import {
  addItemSchema,
  relatedDecisionsSchema,
  signalSourcesSchema,
  updateItemSchema,
  type AddItemInput,
  type AddItemResult,
  type UpdateItemInput,
  type UpdateItemResult,
} from '../domain/add-item.js';
import type { ClientRecord } from '../domain/client-record.js';
import { tagsBase } from '../domain/fields.js';
import { InputError } from '../domain/input-error.js';
import { splitTags } from '../domain/item-states.js';
import { addSchema, updateSchema, type ItemFields } from '../domain/item-schemas.js';
import {
  signalSources,
  signalsFinder,
  type DecisionSignals,
  type SignalSources,
} from '../domain/decision-signals.js';
import { readPrinciples } from '../domain/principles.js';
import { sectionOf } from '../domain/registry-layout.js';
import {
  relatedDecisions as findRelated,
  type RelatedDecision,
} from '../domain/related-decisions.js';
import { parseInput } from '../domain/validation.js';
import { withDocumentLock } from '../services/document-lock.js';
import { issuedCount, recordIssued } from '../services/id-counters.js';
import { lazyToday, spreadsheetTimeZone } from '../services/time-zone.js';
import { appendItem, updateItemRow } from '../sheets/client-items.js';
import { clientTabById } from '../sheets/client-tab.js';
import { readRegistry } from '../sheets/rollup-refresh.js';
import { activeSpreadsheet } from './active-spreadsheet.js';

/** Appends one item to a client's section, with the client's next ID for that kind. */
export function addNewItem(input: AddItemInput): AddItemResult {
  const request = parseInput(addItemSchema, input, 'Item');
  const kind = request.kind;
  const fields = parseInput(addSchema(kind), request.fields, sectionOf(kind).noun) as ItemFields;
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const sheet = clientTabById(ss, request.clientId);
    const prefix = sectionOf(kind).idPrefix;
    const issued = prefix ? issuedCount(request.clientId, prefix) : 0;
    const added = appendItem(sheet, kind, fields, issued, lazyToday(ss));
    if (prefix) recordIssued(request.clientId, prefix, added.id);
    return {
      id: added.id,
      clientId: request.clientId,
      clientName: added.clientName,
      kind,
      row: added.row,
    };
  });
}

/** Changes the given fields of an existing item; fields left out keep their values. */
export function changeItem(input: UpdateItemInput): UpdateItemResult {
  const request = parseInput(updateItemSchema, input, 'Change');
  const kind = request.kind;
  const changes = parseInput(updateSchema(kind), request.fields, sectionOf(kind).noun);
  const given: ItemFields = {};
  for (const [key, value] of Object.entries(changes as ItemFields))
    if (value !== undefined) given[key] = value;
  if (Object.keys(given).length === 0)
    throw new InputError('Nothing to change: give at least one field.');
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const sheet = clientTabById(ss, request.clientId);
    const updated = updateItemRow(sheet, kind, request.id, given, lazyToday(ss), () =>
      spreadsheetTimeZone(ss),
    );
    return {
      id: request.id,
      clientId: request.clientId,
      clientName: updated.clientName,
      kind,
      row: updated.row,
      changed: updated.changed,
    };
  });
}

function decisionsOf(clients: readonly ClientRecord[]) {
  return clients.map((c) => ({ clientId: c.id, clientName: c.name, decisions: c.items.decision }));
}

/** Decisions at other clients sharing a tag with `tags`, newest first. */
export function decisionsRelatedTo(input: {
  tags: string | string[];
  excludeClientId?: string;
}): RelatedDecision[] {
  const request = parseInput(relatedDecisionsSchema, input, 'Related decisions');
  const tags = Array.isArray(request.tags) ? request.tags : splitTags(request.tags);
  const ss = activeSpreadsheet();
  const { clients } = readRegistry(ss, spreadsheetTimeZone(ss));
  return findRelated(decisionsOf(clients), tags, request.excludeClientId);
}

/** What the sidebar shows beside a decision being written: related decisions and principle conflicts. */
export function signalsFor(input: {
  tags: string | string[];
  excludeClientId?: string;
  exception?: string;
}): DecisionSignals {
  const request = parseInput(relatedDecisionsSchema, input, 'Decision signals');
  const tags = parseInput(tagsBase('Tags'), request.tags, 'Tags');
  const exception = typeof input.exception === 'string' ? input.exception : '';
  const sources = signalSourcesFor({ excludeClientId: request.excludeClientId });
  return signalsFinder(sources)({ tags, exception, excludeClientId: request.excludeClientId });
}

/**
 * What a decision form needs for its signals, asked once per form session: the other clients'
 * tagged decisions and the active principles, reduced to an allow-list (ADR 22).
 */
export function signalSourcesFor(input: { excludeClientId?: string }): SignalSources {
  const request = parseInput(signalSourcesSchema, input ?? {}, 'Decision signals');
  const ss = activeSpreadsheet();
  // A read: no rollup is computed and nothing is repaired, as no lock is held.
  const { read, clients } = readRegistry(ss, spreadsheetTimeZone(ss));
  const principles = readPrinciples(read.roles.principles?.grid ?? []);
  return signalSources(decisionsOf(clients), principles, request.excludeClientId);
}
