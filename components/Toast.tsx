export interface ToastProps {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onDismiss: () => void;
  scheme?: 'light' | 'dark';
}

/** A short-lived message with one action, such as "Highlight deleted · Undo". */
export function Toast({ message, actionLabel, onAction, onDismiss, scheme = 'light' }: ToastProps) {
  return (
    <div class={`toast theme ${scheme}`} role="status">
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
