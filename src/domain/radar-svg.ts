/**
 * The radar drawn as SVG text, on the server, for the sidebar to insert (ADR 28): four quadrants,
 * four rings, a numbered blip per technology (a triangle when new), each focusable with the
 * keyboard and named for a screen reader, and below it the numbers' legend by quadrant. Every
 * text is escaped: a technology named `<script>` is drawn as those characters.
 */
import { RADAR_QUADRANTS, RINGS, type RadarQuadrant, type Ring } from './radar-overrides.js';
import type { RadarBlip } from './radar.js';

const WIDTH = 276;
const CENTRE = WIDTH / 2;
const RADIUS = 132;
/** Each ring's outer edge, as a share of the radius: the inner rings wider, as Thoughtworks draws them. */
const EDGES = [0.38, 0.62, 0.82, 1];
const BLIP = 7;
const LINE = 14;
const COLOURS: Record<Ring, string> = {
  Adopt: '#2e7d32',
  Trial: '#1565c0',
  Assess: '#b26a00',
  Hold: '#c62828',
};
/** Where each quadrant's arc starts, in degrees clockwise from east (SVG's y runs down). */
const START: Record<RadarQuadrant, number> = {
  Techniques: 180,
  Tools: 270,
  Platforms: 90,
  'Languages & Frameworks': 0,
};

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const round = (n: number) => Math.round(n * 10) / 10;

function shortened(text: string, most: number): string {
  return text.length > most ? `${text.slice(0, most - 1)}…` : text;
}

/** A blip's place: spread evenly across its quadrant's arc, in two lanes of its ring when crowded. */
function place(quadrant: RadarQuadrant, ring: Ring, index: number, count: number) {
  const r = RINGS.indexOf(ring);
  const inner = r === 0 ? 0.14 : (EDGES[r - 1] as number);
  const outer = EDGES[r] as number;
  const lanes = count > 4 + 2 * r ? 2 : 1;
  const lane = lanes === 2 ? (index % 2) + 1 : 1.5;
  const radius = RADIUS * (inner + ((outer - inner) * lane) / 3);
  const perLane = Math.ceil(count / lanes);
  const slot = lanes === 2 ? Math.floor(index / 2) : index;
  const angle = START[quadrant] + 8 + ((slot + (lane === 2 ? 0.75 : 0.5)) * 74) / perLane;
  const rad = (angle * Math.PI) / 180;
  return { x: round(CENTRE + radius * Math.cos(rad)), y: round(CENTRE + radius * Math.sin(rad)) };
}

function said(n: number, b: RadarBlip): string {
  return `${n}. ${b.name}: ${b.ring}, ${b.quadrant}${b.isNew ? ', new' : ''}${b.description ? `. ${b.description}` : ''}`;
}

/** The radar of these blips, numbered in the order given; the legend below lists them by quadrant. */
export function radarSvg(blips: readonly RadarBlip[]): string {
  const out: string[] = [];
  const rings = [...RINGS]
    .reverse()
    .map(
      (ring, i) =>
        `<circle cx="${CENTRE}" cy="${CENTRE}" r="${round(RADIUS * (EDGES[3 - i] as number))}" class="rr${i % 2}"/>`,
    );
  out.push(...rings);
  out.push(
    `<line x1="${CENTRE - RADIUS}" y1="${CENTRE}" x2="${CENTRE + RADIUS}" y2="${CENTRE}" class="ra"/>`,
    `<line x1="${CENTRE}" y1="${CENTRE - RADIUS}" x2="${CENTRE}" y2="${CENTRE + RADIUS}" class="ra"/>`,
  );
  RINGS.forEach((ring, r) => {
    const inner = r === 0 ? 0 : (EDGES[r - 1] as number);
    const x = round(CENTRE + (RADIUS * (inner + (EDGES[r] as number))) / 2);
    out.push(`<text x="${x}" y="${CENTRE - 3}" class="rl">${ring}</text>`);
  });
  const corner = (q: RadarQuadrant, x: number, y: number, anchor: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" class="rq">${escapeXml(q)}</text>`;
  out.push(
    corner('Techniques', 2, 11, 'start'),
    corner('Tools', WIDTH - 2, 11, 'end'),
    corner('Platforms', 2, WIDTH - 3, 'start'),
    corner('Languages & Frameworks', WIDTH - 2, WIDTH - 3, 'end'),
  );
  const numbered = blips.map((b, i) => ({ ...b, n: i + 1 }));
  // Placed group by group, drawn in number order: Tab reaches the blips as the legend lists them.
  const at = new Map<number, { x: number; y: number }>();
  for (const q of RADAR_QUADRANTS) {
    for (const ring of RINGS) {
      const here = numbered.filter((b) => b.quadrant === q && b.ring === ring);
      here.forEach((b, i) => at.set(b.n, place(q, ring, i, here.length)));
    }
  }
  for (const b of numbered) {
    const { x, y } = at.get(b.n) as { x: number; y: number };
    const label = escapeXml(said(b.n, b));
    const fill = COLOURS[b.ring];
    const shape = b.isNew
      ? `<path d="M${x} ${round(y - BLIP - 1)}L${round(x + BLIP + 1)} ${round(y + BLIP - 1)}L${round(x - BLIP - 1)} ${round(y + BLIP - 1)}Z" fill="${fill}"/>`
      : `<circle cx="${x}" cy="${y}" r="${BLIP}" fill="${fill}"/>`;
    out.push(
      `<g class="rb" tabindex="0" role="img" aria-label="${label}"><title>${label}</title>${shape}<text x="${x}" y="${round(y + 3)}" text-anchor="middle" class="rn">${b.n}</text></g>`,
    );
  }
  let y = WIDTH + 8;
  if (numbered.length === 0) {
    y += LINE;
    out.push(`<text x="0" y="${y}" class="rt">Nothing on the radar yet: name a technology</text>`);
    y += LINE;
    out.push(
      `<text x="0" y="${y}" class="rt">in a principle's Standard or Avoid, or in Radar overrides.</text>`,
    );
  }
  for (const q of RADAR_QUADRANTS) {
    const here = numbered.filter((b) => b.quadrant === q);
    if (here.length === 0) continue;
    y += LINE + 4;
    out.push(`<text x="0" y="${y}" class="rh">${escapeXml(q)}</text>`);
    for (const b of here) {
      y += LINE;
      const text = `${b.n}. ${shortened(b.name, 30)} (${b.ring}${b.isNew ? ', new' : ''})`;
      out.push(`<text x="6" y="${y}" class="rt">${escapeXml(text)}</text>`);
    }
  }
  const height = y + 6;
  const style =
    '<style>.rr0{fill:#f1f3f4}.rr1{fill:#e8eaed}.ra{stroke:#fff;stroke-width:2}' +
    '.rl{font-size:8px;fill:#5f6368;text-anchor:middle}.rq{font-size:10px;font-weight:500;fill:#3c4043}' +
    '.rn{font-size:8px;fill:#fff;pointer-events:none}.rb{cursor:default;outline:none}' +
    '.rb:focus circle,.rb:focus path,.rb:hover circle,.rb:hover path{stroke:#202124;stroke-width:2.5}' +
    '.rh{font-size:12px;font-weight:500;fill:#202124}.rt{font-size:11px;fill:#3c4043}</style>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-label="Technology radar: ${numbered.length} technolog${numbered.length === 1 ? 'y' : 'ies'}">` +
    style +
    out.join('') +
    '</svg>'
  );
}
