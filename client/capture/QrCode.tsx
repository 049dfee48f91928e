/**
 * The QR code of a capture link, drawn in the browser by node-qrcode onto a canvas (error correction
 * M: readable from the back of a room off a projector). The one place that knows how.
 */
import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';

export function QrCode({ text, size = 240, label }: { text: string; size?: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, text, { width: size, margin: 1, errorCorrectionLevel: 'M' });
  }, [text, size]);
  return <canvas ref={ref} className="qr-code" width={size} height={size} data-testid="capture-qr" data-text={text} aria-label={label} role="img" />;
}
