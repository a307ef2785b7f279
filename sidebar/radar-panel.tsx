/**
 * The technology radar across clients, asked for when opened: the server draws it from the Radar
 * tab as escaped SVG text (ADR 28), so opening the sidebar costs nothing more.
 */
import { useState } from 'preact/hooks';
import { loading } from './client-view';
import { server } from './server';

export function RadarPanel() {
  const [drawn, setDrawn] = useState<string | Error>('');
  return (
    <details
      onToggle={(e) => {
        if (e.currentTarget.open) void server.getRadar().then((r) => setDrawn(r.svg), setDrawn);
      }}
    >
      <summary>Technology radar</summary>
      {drawn instanceof Error ? (
        drawn.message
      ) : drawn ? (
        <div dangerouslySetInnerHTML={{ __html: drawn }} />
      ) : (
        loading()
      )}
    </details>
  );
}
