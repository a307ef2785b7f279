import { describe, expect, it } from 'vitest';
import { pastedRecords } from '../../src/domain/pasted-records.js';

const MADR = `---
status: accepted
date: 2026-01-02
---
# Use PostgreSQL

## Context and Problem Statement

We need joins.

---

More context after a rule.
`;

const NYGARD = `# 2. Record webhooks in a queue

Date: 2026-02-03

## Status

Proposed

## Context

\`\`\`sh
# not a title: a shell comment
\`\`\`
`;

describe('pasted decision records', () => {
  it('cuts two records separated by a line of --- into two files, the separator dropped', () => {
    const files = pastedRecords(
      `# Use Redis\n\nStatus: Accepted\n---\n# Use Kafka\n\nStatus: Proposed\n`,
    );
    expect(files).toEqual([
      { name: 'pasted-1.md', text: '# Use Redis\n\nStatus: Accepted\n' },
      { name: 'pasted-2.md', text: '# Use Kafka\n\nStatus: Proposed\n' },
    ]);
  });

  it('cuts records at their titles, the front matter above a title going with it', () => {
    const files = pastedRecords(`${NYGARD}\n${MADR}`);
    expect(files.map((f) => f.text)).toEqual([NYGARD.trimEnd() + '\n', MADR]);
  });

  it('keeps a rule inside a record and a heading inside a code block in their record', () => {
    const files = pastedRecords(MADR);
    expect(files).toHaveLength(1);
    expect(files[0]?.text).toContain('---\n\nMore context after a rule.');
  });

  it('keeps front matter after a separator with the record it opens', () => {
    const files = pastedRecords(`# One\n\ntext\n\n---\n${MADR}`);
    expect(files.map((f) => f.text)).toEqual(['# One\n\ntext\n', MADR]);
  });

  it('answers no file for blank text or separators alone', () => {
    expect(pastedRecords('  \n---\n\n')).toEqual([]);
  });
});
