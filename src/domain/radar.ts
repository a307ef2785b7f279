/**
 * The technology radar (ADR 28). A technology is what the registry names as one: an entry of an
 * active principle's Standard or Avoid, or a row of Radar overrides; a decision's tag counts for
 * the radar when it names one of those. Its ring, first match wins: the ring typed in Radar
 * overrides; Hold when a principle avoids it; Adopt when a principle makes it the standard; Adopt
 * when Accepted decisions at two or more clients name it, Trial at one; Assess when only Proposed
 * ones do. New: first named (a decision's Proposed or Decided on, a principle's Since) within the
 * last 90 days.
 */
import { addDays } from './dates.js';
import { str } from './client-record.js';
import { normalizeTag, tagsOf } from './item-states.js';
import type { Principle } from './principles.js';
import {
  DEFAULT_QUADRANT,
  RADAR_QUADRANTS,
  RINGS,
  radarQuadrantOf,
  type RadarOverride,
  type RadarQuadrant,
  type Ring,
} from './radar-overrides.js';
import type { RegistryItem } from './section-items.js';

export const NEW_WINDOW_DAYS = 90;

interface PrincipleRef {
  id: string;
  principle: string;
  rationale: string;
}

/** A technology the registry names, with everything the CTO said about it. */
export interface Technology {
  key: string;
  name: string;
  standardOf: PrincipleRef[];
  avoidedBy: PrincipleRef[];
  override?: RadarOverride;
  /** The quadrant a naming principle's Category reads as, and that principle's ID. */
  category?: { quadrant: RadarQuadrant; principleId: string };
  /** The earliest Since of a principle naming it ('' when none is dated). */
  since: string;
}

/** Every technology, by key (the name as a tag: trimmed, lower case). */
export type RadarVocabulary = Map<string, Technology>;

/** A blip: what the Radar tab, the sidebar's drawing and Build Your Own Radar read. */
export interface RadarBlip {
  name: string;
  ring: Ring;
  quadrant: RadarQuadrant;
  isNew: boolean;
  description: string;
}

export interface RadarEntry extends RadarBlip {
  key: string;
  /** Clients with an Accepted decision naming it; "(proposed)" after those with only a Proposed one. */
  clients: string[];
  /** Why it stands where it does: the ring's rule and the quadrant's. */
  source: string;
}

/** A client's decisions, as the radar reads them. */
export interface RadarClient {
  id: string;
  name: string;
  decisions: readonly Pick<RegistryItem, 'id' | 'fields'>[];
}

function namesIn(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function isoDay(text: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : '';
}

function earliest(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

export function radarVocabulary(
  principles: readonly Principle[],
  overrides: readonly RadarOverride[],
): RadarVocabulary {
  const vocabulary: RadarVocabulary = new Map();
  const named = (name: string): Technology => {
    const key = normalizeTag(name);
    let t = vocabulary.get(key);
    if (!t) vocabulary.set(key, (t = { key, name, standardOf: [], avoidedBy: [], since: '' }));
    return t;
  };
  for (const p of principles) {
    if (!p.active) continue;
    const ref = { id: p.id, principle: p.principle, rationale: p.rationale ?? '' };
    const note = (t: Technology) => {
      t.since = earliest(t.since, isoDay(p.since ?? ''));
      const quadrant = radarQuadrantOf(p.category ?? '');
      if (!t.category && quadrant) t.category = { quadrant, principleId: p.id };
    };
    for (const name of namesIn(p.standard)) {
      const t = named(name);
      t.standardOf.push(ref);
      note(t);
    }
    for (const name of namesIn(p.avoidText ?? p.avoid.join(','))) {
      const t = named(name);
      t.avoidedBy.push(ref);
      note(t);
    }
  }
  for (const o of overrides) {
    const t = named(o.name);
    t.name = o.name;
    t.override = o;
  }
  return vocabulary;
}

interface Use {
  accepted: Map<string, string>;
  proposed: Map<string, string>;
  /** The earliest date of any decision naming it, whatever its status. */
  first: string;
  /** Its Proposed and Accepted decisions: "Accepted: ADR-3 Kafka for events". */
  lines: string[];
}

function usesOf(vocabulary: RadarVocabulary, clients: readonly RadarClient[]): Map<string, Use> {
  const uses = new Map<string, Use>();
  for (const c of clients) {
    for (const d of c.decisions) {
      const status = str(d.fields['status']).trim();
      const date = earliest(
        isoDay(str(d.fields['proposedOn'])),
        isoDay(str(d.fields['decidedOn'])),
      );
      for (const tag of tagsOf(d)) {
        if (!vocabulary.has(tag)) continue;
        let use = uses.get(tag);
        if (!use)
          uses.set(tag, (use = { accepted: new Map(), proposed: new Map(), first: '', lines: [] }));
        use.first = earliest(use.first, date);
        if (status !== 'Accepted' && status !== 'Proposed') continue;
        (status === 'Accepted' ? use.accepted : use.proposed).set(c.id, c.name);
        use.lines.push(
          `${status}: ${[d.id, str(d.fields['title']).trim()].filter(Boolean).join(' ')}`,
        );
      }
    }
  }
  return uses;
}

const ids = (refs: readonly PrincipleRef[]) => refs.map((r) => r.id || r.principle).join(', ');
const clientCount = (n: number) => `${n} client${n === 1 ? '' : 's'}`;

/** The ring and why; null when nothing places the technology. `across` allows the two-client rule. */
function ringFor(
  t: Technology,
  use: Use | undefined,
  across: boolean,
): { ring: Ring; why: string } | null {
  if (t.override?.ring) return { ring: t.override.ring, why: 'ring set in Radar overrides' };
  if (t.avoidedBy.length) {
    const also = t.standardOf.length ? ` (also the standard of ${ids(t.standardOf)})` : '';
    return { ring: 'Hold', why: `avoided by ${ids(t.avoidedBy)}${also}` };
  }
  if (t.standardOf.length) return { ring: 'Adopt', why: `the standard of ${ids(t.standardOf)}` };
  const accepted = use?.accepted.size ?? 0;
  const proposed = use?.proposed.size ?? 0;
  if (accepted >= 2 && across)
    return { ring: 'Adopt', why: `accepted at ${clientCount(accepted)}` };
  if (accepted >= 1)
    return { ring: 'Trial', why: across ? `accepted at ${clientCount(accepted)}` : 'accepted' };
  if (proposed >= 1)
    return { ring: 'Assess', why: across ? `proposed at ${clientCount(proposed)}` : 'proposed' };
  return null;
}

function quadrantFor(t: Technology): { quadrant: RadarQuadrant; why: string } {
  if (t.override?.quadrant)
    return { quadrant: t.override.quadrant, why: 'quadrant set in Radar overrides' };
  if (t.category)
    return { quadrant: t.category.quadrant, why: `quadrant from ${t.category.principleId}` };
  return {
    quadrant: DEFAULT_QUADRANT,
    why: `no quadrant set: ${DEFAULT_QUADRANT} until one is typed in Radar overrides`,
  };
}

function principleLines(t: Technology): string[] {
  const line = (what: string) => (p: PrincipleRef) =>
    `${what} under ${[p.id, p.principle].filter(Boolean).join(' ')}${p.rationale ? `: ${p.rationale}` : ''}.`;
  return [...t.standardOf.map(line('Standard')), ...t.avoidedBy.map(line('Avoided'))];
}

function isNewSince(first: string, today: string): boolean {
  return first !== '' && first >= addDays(today, -NEW_WINDOW_DAYS);
}

/** Adopt to Hold, then by quadrant, then by name. */
function byPlace(a: RadarBlip, b: RadarBlip): number {
  return (
    RINGS.indexOf(a.ring) - RINGS.indexOf(b.ring) ||
    RADAR_QUADRANTS.indexOf(a.quadrant) - RADAR_QUADRANTS.indexOf(b.quadrant) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * The registry's radar, across every client; `unplaced` lists the overrides that name a
 * technology nothing places (no ring typed, no principle, no Proposed or Accepted decision).
 */
export function registryRadar(
  vocabulary: RadarVocabulary,
  clients: readonly RadarClient[],
  today: string,
): { entries: RadarEntry[]; unplaced: RadarOverride[] } {
  const uses = usesOf(vocabulary, clients);
  const entries: RadarEntry[] = [];
  const unplaced: RadarOverride[] = [];
  for (const t of vocabulary.values()) {
    const use = uses.get(t.key);
    const ring = ringFor(t, use, true);
    if (!ring) {
      if (t.override) unplaced.push(t.override);
      continue;
    }
    const quadrant = quadrantFor(t);
    const accepted = use?.accepted.size ?? 0;
    const proposed = use?.proposed.size ?? 0;
    const counts = [
      ...(accepted ? [`Accepted at ${clientCount(accepted)}`] : []),
      ...(proposed ? [`${accepted ? 'proposed' : 'Proposed'} at ${clientCount(proposed)}`] : []),
    ];
    const auto = [...principleLines(t), ...(counts.length ? [`${counts.join('; ')}.`] : [])];
    const acceptedAt = [...(use?.accepted.entries() ?? [])];
    const proposedOnly = [...(use?.proposed.entries() ?? [])].filter(
      ([id]) => !use?.accepted.has(id),
    );
    entries.push({
      key: t.key,
      name: t.name,
      ring: ring.ring,
      quadrant: quadrant.quadrant,
      isNew: isNewSince(earliest(t.since, use?.first ?? ''), today),
      description: t.override?.description ?? auto.join(' '),
      clients: [
        ...acceptedAt.map(([, name]) => name),
        ...proposedOnly.map(([, name]) => `${name} (proposed)`),
      ].sort((a, b) => a.localeCompare(b)),
      source: `${ring.why}; ${quadrant.why}`,
    });
  }
  entries.sort(byPlace);
  return { entries, unplaced };
}

/**
 * One client's radar for its founders: only the technologies its own Proposed and Accepted
 * decisions name, placed without any other client (no two-client rule), new by its own decisions'
 * dates, described by its own decisions alone. The CTO's typed text (a principle, an override's
 * description) is never part of it; of the CTO's, only a ring or quadrant chosen from the four.
 */
export function founderRadar(
  vocabulary: RadarVocabulary,
  decisions: readonly Pick<RegistryItem, 'id' | 'fields'>[],
  today: string,
): RadarBlip[] {
  const uses = usesOf(vocabulary, [{ id: 'own', name: '', decisions }]);
  const out: RadarBlip[] = [];
  for (const [key, use] of uses) {
    const t = vocabulary.get(key);
    if (!t || use.lines.length === 0) continue;
    const ring = ringFor(t, use, false);
    if (!ring) continue;
    out.push({
      name: t.name,
      ring: ring.ring,
      quadrant: quadrantFor(t).quadrant,
      isNew: isNewSince(use.first, today),
      description: use.lines.join('; '),
    });
  }
  return out.sort(byPlace);
}
