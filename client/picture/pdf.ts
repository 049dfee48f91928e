/**
 * A whole story as PDF, one page per slide: the plan (page size, title and footer of each page,
 * file name) is pure; the document is made with jsPDF from the slides' pictures (PNG).
 */
import { fileSlug, type Size } from './frame.ts';

export interface PdfPage {
  slideIndex: number;
  slideId: string;
  /** Drawn into the picture. */
  title: string;
  /** Small line under the picture: the story and the page number. */
  footer: string;
}

export interface PdfPlan {
  fileName: string;
  /** Page size in pixels (the pictures' size: one picture fills one page). */
  page: Size;
  pages: PdfPage[];
}

/** One page per slide, the slide's title (or the story's) on it, "story · n / total" below. */
export function pdfPlan(story: { title: string; slides: readonly { id: string; title: string | null }[] }, page: Size): PdfPlan {
  const total = story.slides.length;
  return {
    fileName: `${fileSlug(story.title)}.pdf`,
    page,
    pages: story.slides.map((s, i) => ({
      slideIndex: i,
      slideId: s.id,
      title: s.title?.trim() || story.title,
      footer: `${story.title} · ${i + 1} / ${total}`,
    })),
  };
}

/** The PDF: each page the slide's picture, its footer in small print. */
export async function buildPdf(plan: PdfPlan, pictures: readonly Uint8Array[], meta: { title: string; creator?: string } = { title: '' }): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const { w, h } = plan.page;
  const footerBand = Math.round(h * 0.04);
  const format: [number, number] = [w, h + footerBand];
  const doc = new jsPDF({ orientation: w >= h ? 'landscape' : 'portrait', unit: 'px', format, hotfixes: ['px_scaling'], compress: true });
  doc.setProperties({ title: meta.title, creator: meta.creator ?? 'Netzwerkatlas' });
  plan.pages.forEach((p, i) => {
    if (i > 0) doc.addPage(format, w >= h ? 'landscape' : 'portrait');
    const picture = pictures[i];
    if (picture) doc.addImage(picture, 'PNG', 0, 0, w, h, undefined, 'FAST');
    doc.setFontSize(Math.round(footerBand * 0.45));
    doc.setTextColor(90, 100, 110);
    doc.text(p.footer, Math.round(w * 0.012), h + footerBand * 0.65);
  });
  return doc.output('blob');
}
