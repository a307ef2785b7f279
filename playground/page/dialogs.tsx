/** Sheets' two small dialogs: "There was a problem" with OK, and a question with OK and Cancel. */

export function Problem({ text, onClose }: { text: string; onClose(): void }) {
  return (
    <div class="scrim">
      <section class="dialog" role="alertdialog" aria-modal="true" aria-label="There was a problem">
        <h2>There was a problem</h2>
        <p>{text}</p>
        <div class="dialog-actions">
          <button type="button" class="action" ref={(el) => el?.focus()} onClick={onClose}>
            OK
          </button>
        </div>
      </section>
    </div>
  );
}

export function Ask({ text, onAnswer }: { text: string; onAnswer(yes: boolean): void }) {
  return (
    <div class="scrim">
      <section
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label="Are you sure?"
        onKeyDown={(e) => e.key === 'Escape' && onAnswer(false)}
      >
        <h2>Are you sure?</h2>
        <p>{text}</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => onAnswer(false)}>
            Cancel
          </button>
          <button
            type="button"
            class="action"
            ref={(el) => el?.focus()}
            onClick={() => onAnswer(true)}
          >
            OK
          </button>
        </div>
      </section>
    </div>
  );
}
