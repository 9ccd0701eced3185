export interface NoteFrameProps {
  src: string;
  /** The frame's content height, as the frame last reported it. */
  height: number;
  title: string;
  /** Moves keyboard focus into the frame once it loads (the highlight editor). */
  focus?: boolean;
}

/** The extension page that shows and takes the reader's own text: the page can neither read it nor hear the keys. */
export function NoteFrame({ src, height, title, focus }: NoteFrameProps) {
  return (
    <iframe
      class="note-frame"
      src={src}
      title={title}
      style={{ height: `${height}px` }}
      onLoad={focus ? (e) => e.currentTarget.focus() : undefined}
    />
  );
}
