/**
 * The highest ID ever issued per client and kind, kept in document properties so an ID removed
 * by hand is never reused. Read and written only under the document lock.
 */

function key(clientId: string, prefix: string): string {
  return `ids.${clientId}.${prefix}`;
}

export function issuedCount(clientId: string, prefix: string): number {
  const v = PropertiesService.getDocumentProperties().getProperty(key(clientId, prefix));
  const n = v === null ? 0 : Number(v);
  return Number.isFinite(n) ? n : 0;
}

export function recordIssued(clientId: string, prefix: string, id: string): void {
  const n = Number(id.slice(prefix.length + 1));
  PropertiesService.getDocumentProperties().setProperty(key(clientId, prefix), String(n));
}
