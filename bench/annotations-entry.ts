// What bench/annotations.mts runs inside the page: Gloss's own text stream, anchoring,
// painting and search, bundled as they are, so the figures are the extension's code's.
import { Anchorer } from '../lib/anchoring/anchor';
import { describe } from '../lib/anchoring/describe';
import { Library } from '../lib/annotations/library';
import { HighlightLayer } from '../page/highlight-layer';
import { readTextStream } from '../page/text-stream';

(globalThis as unknown as { GlossBench: object }).GlossBench = { Anchorer, describe, Library, HighlightLayer, readTextStream };
