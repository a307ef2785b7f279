/** The impact/effort matrix of a client's open debt: one point per item; hover or focus names it, a click opens it. */
import { useState } from 'preact/hooks';
import type { RegistryItem } from '../src/domain/section-items';
import { QUADRANTS } from '../src/domain/debt';
import { isOpenDebt } from '../src/domain/item-states';

const SIZE = 260;
const PAD = 24;
const CELL = (SIZE - 2 * PAD) / 5;

function position(value: number, axis: 'x' | 'y'): number {
  return axis === 'x' ? PAD + (value - 0.5) * CELL : SIZE - PAD - (value - 0.5) * CELL;
}

export function Matrix(props: { items: RegistryItem[]; onOpen: (item: RegistryItem) => void }) {
  const [shown, setShown] = useState<RegistryItem | null>(null);
  const points = props.items.filter(
    (i) =>
      isOpenDebt(i.fields) &&
      typeof i.fields['impact'] === 'number' &&
      typeof i.fields['effort'] === 'number',
  );
  const seen = new Map<string, number>();
  // The threshold (3) starts the high half: the line runs between 2 and 3.
  const mid = PAD + 2 * CELL;
  const low = PAD + CELL;
  const high = PAD + 3.5 * CELL;
  const label = (text: string, x: number, y: number) => (
    <text x={x} y={y} text-anchor="middle" class="quadrant">
      {text}
    </text>
  );
  return (
    <figure class="matrix">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="group"
        aria-label="Impact and effort of open technical debt"
      >
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} class="frame" />
        <line x1={mid} y1={PAD} x2={mid} y2={SIZE - PAD} class="axis" />
        <line x1={PAD} y1={SIZE - mid} x2={SIZE - PAD} y2={SIZE - mid} class="axis" />
        {label(QUADRANTS[0], low, PAD + 14)}
        {label(QUADRANTS[1], high, PAD + 14)}
        {label(QUADRANTS[2], low, SIZE - PAD - 6)}
        {label(QUADRANTS[3], high, SIZE - PAD - 6)}
        <text x={SIZE / 2} y={SIZE - 6} text-anchor="middle" class="axis-label">
          Effort →
        </text>
        <text
          x={10}
          y={SIZE / 2}
          text-anchor="middle"
          class="axis-label"
          transform={`rotate(-90 10 ${SIZE / 2})`}
        >
          Impact →
        </text>
        {points.map((item) => {
          const impact = item.fields['impact'] as number;
          const effort = item.fields['effort'] as number;
          const key = `${impact}/${effort}`;
          const n = seen.get(key) ?? 0;
          seen.set(key, n + 1);
          const angle = n * 2.4;
          const r = n === 0 ? 0 : 6 + 3 * Math.floor(n / 6);
          const title = `${item.id} ${String(item.fields['title'] ?? '')} (impact ${impact}, effort ${effort})`;
          return (
            <circle
              key={item.id || item.row}
              cx={position(effort, 'x') + r * Math.cos(angle)}
              cy={position(impact, 'y') + r * Math.sin(angle)}
              r={6}
              class={`point${shown === item ? ' active' : ''}`}
              tabIndex={0}
              role="button"
              aria-label={title}
              data-id={item.id}
              onMouseEnter={() => setShown(item)}
              onFocus={() => setShown(item)}
              onMouseLeave={() => setShown(null)}
              onClick={() => props.onOpen(item)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onOpen(item);
                }
              }}
            >
              <title>{title}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption aria-live="polite">
        {shown
          ? `${shown.id} ${String(shown.fields['title'] ?? '')}`
          : `${points.length} open items with impact and effort`}
      </figcaption>
    </figure>
  );
}
