/** A small swatch in the node's colour and shape (the same palette as the canvas and the legend). */
import type { NodeType } from '../api/types.ts';
import { nodeLegendKey, nodeLook } from '../graph/palette.ts';

export function Swatch({ legendKey }: { legendKey: string }) {
  const look = nodeLook(legendKey);
  return <span className={`swatch shape-${look.shape}`} style={{ backgroundColor: look.color }} aria-hidden="true" />;
}

export function TypeIcon({ type, kind }: { type: NodeType; kind: string | null }) {
  return <Swatch legendKey={nodeLegendKey(type, kind)} />;
}
