import type { PackRecord } from '../lib/db';

export interface PackListProps {
  packs: PackRecord[];
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
}

/** The installed packs, each with its switch; the starter pack cannot be removed. */
export function PackList({ packs, onToggle, onRemove }: PackListProps) {
  if (packs.length === 0) return <p>No packs yet: the starter pack is being installed.</p>;
  return (
    <ul class="packs">
      {packs.map((p) => (
        <li key={p.id}>
          <label>
            <input type="checkbox" checked={p.enabled} onChange={(e) => onToggle(p.id, e.currentTarget.checked)} /> {p.name}
          </label>{' '}
          <span class="muted">
            {p.entityCount.toLocaleString('en-US')} entities · version {p.version}
          </span>
          {p.id !== 'starter' && (
            <button type="button" onClick={() => onRemove(p.id)} aria-label={`Remove ${p.name}`}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
