/**
 * Who may talk to the playground. It listens on 127.0.0.1 only, but a web page open in another
 * tab can still send requests there: a form or fetch from another origin carries that origin in
 * `Origin` (and `Sec-Fetch-Site: cross-site`), and a DNS-rebinding page reaches 127.0.0.1 under
 * its own host name, which shows in `Host`. So every request must name this server as its host,
 * and every write must come from the playground's own pages (or from no page at all, as curl or a
 * test does).
 */
import type { IncomingMessage } from 'node:http';

const LOCAL_NAMES = ['127.0.0.1', 'localhost'];

/** Why the request is refused, or null when it may go on. */
export function requestProblem(req: IncomingMessage, port: number): string | null {
  const hosts = LOCAL_NAMES.map((name) => `${name}:${port}`);
  const host = req.headers.host ?? '';
  if (!hosts.includes(host.toLowerCase()))
    return `The playground answers only requests addressed to ${hosts[0]} (this one was for "${host}").`;
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`))
    return `The playground takes requests only from its own pages (this one came from "${origin}").`;
  const site = req.headers['sec-fetch-site'];
  if (write && site !== undefined && site !== 'same-origin' && site !== 'none')
    return `The playground takes changes only from its own pages (this one was ${String(site)}).`;
  return null;
}
