import '../../components/theme.css';
import '../../components/fields.css';
import '../../components/page-ui.css';
import './style.css';
import { render } from 'preact';
import { EntityNote } from '../../components/EntityNote';
import { HighlightEditor } from '../../components/HighlightEditor';
import type { NoteFrameEvent } from '../../lib/annotations/protocol';
import { sendMessage } from '../../lib/messaging';

// The page that embeds this frame can neither read it nor hear its keys; the content script
// that opened it learns, through the background, only what it needs to paint.
const params = new URLSearchParams(location.search);
const frame = params.get('frame') ?? '';
const scheme = params.get('scheme') === 'dark' ? 'dark' : 'light';
const app = document.getElementById('app')!;

function tell(type: 'saved' | 'delete' | 'closed'): void {
  void sendMessage('noteFrame', { frame, type }).catch(() => undefined);
}

function reportHeight(): void {
  const height = Math.ceil(app.getBoundingClientRect().height);
  void sendMessage('noteFrame', { frame, type: 'height', height } satisfies NoteFrameEvent).catch(() => undefined);
}

async function main(): Promise<void> {
  new ResizeObserver(reportHeight).observe(app);
  // Esc that no field took for itself closes the editor or the card.
  document.addEventListener('keydown', (e) => e.key === 'Escape' && tell('closed'));
  const highlightId = params.get('highlight');
  const entityId = params.get('entity');
  if (highlightId) {
    const h = await sendMessage('getHighlight', highlightId);
    if (!h) return tell('closed');
    render(
      <HighlightEditor
        highlight={h}
        scheme={scheme}
        send={(record, base) => sendMessage('saveHighlight', { record, base })}
        onSaved={() => tell('saved')}
        onDelete={() => tell('delete')}
        onClose={() => tell('closed')}
      />,
      app,
    );
  } else if (entityId) {
    const entity = await sendMessage('entityNote', entityId);
    if (!entity) return;
    render(
      <div class={`theme entity ${scheme}`}>
        <EntityNote
          entity={entityId}
          name={entity.name}
          note={entity.note}
          send={(record, base) => sendMessage('saveNote', { record, base })}
        />
      </div>,
      app,
    );
  }
}

void main();
