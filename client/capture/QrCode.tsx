/**
 * The QR code of a capture link, drawn in the browser. The one place that knows how: no QR package
 * is installed yet, so this draws a framed placeholder with the link (data-text carries what the code
 * would hold). With `qrcode@1.5.4` (MIT) and `@types/qrcode@1.5.6` added, replace the body with:
 *
 *   const ref = useRef<HTMLCanvasElement>(null);
 *   useEffect(() => { if (ref.current) void QRCode.toCanvas(ref.current, text, { width: size, margin: 1, errorCorrectionLevel: 'M' }); }, [text, size]);
 *   return <canvas ref={ref} className="qr-code" data-testid="capture-qr" data-text={text} aria-label={label} role="img" />;
 *
 * (`import QRCode from 'qrcode'`, `useEffect`/`useRef` from react).
 */
import { useTranslation } from 'react-i18next';

export function QrCode({ text, size = 240, label }: { text: string; size?: number; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="qr-code qr-placeholder" style={{ width: size, height: size }} data-testid="capture-qr" data-text={text} role="img" aria-label={label}>
      <span className="qr-missing">{t('capture.qrMissing')}</span>
      <span className="qr-text">{text.replace(/^https?:\/\//, '')}</span>
    </div>
  );
}
