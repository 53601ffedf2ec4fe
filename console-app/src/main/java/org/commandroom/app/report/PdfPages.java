package org.commandroom.app.report;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The A4 pages of a report as it is written, one at a time: starting a page closes the one before, adds the next to
 * the document and counts it; text is drawn in the embedded font through {@link PdfGlyphs} (so a character the font
 * lacks prints as '?'), and a rule is the thin grey line under a table's head. Shared by the index report and the
 * drill's after-action report, which lay their pages out differently on top of this.
 */
final class PdfPages implements Closeable {

    /** The height of a page, in points. */
    static final float HEIGHT = PDRectangle.A4.getHeight();

    private static final Color RULE = new Color(150, 150, 150);

    private final PDDocument doc;
    private final PDType0Font font;
    private final PdfGlyphs glyphs;
    private PDPageContentStream cs;
    private int pageNo;

    PdfPages(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
        this.glyphs = new PdfGlyphs(font);
    }

    /** Closes the page being written, if any, and starts the next; returns the new page's number, counted from 1. */
    int next() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        return ++pageNo;
    }

    /** What the current page is drawn through (for what this class does not draw itself: marks, images). */
    PDPageContentStream stream() {
        return cs;
    }

    PDType0Font font() {
        return font;
    }

    PdfGlyphs glyphs() {
        return glyphs;
    }

    /** One line of text with its baseline starting at (x, y); nothing is drawn for an empty text. */
    void text(String s, float x, float y, float size, Color colour) throws IOException {
        String t = glyphs.printable(s);
        if (t.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, y);
        cs.showText(t);
        cs.endText();
    }

    /** A thin grey horizontal line at height y from x0 to x1. */
    void rule(float y, float x0, float x1) throws IOException {
        cs.setStrokingColor(RULE);
        cs.setLineWidth(0.6f);
        cs.moveTo(x0, y);
        cs.lineTo(x1, y);
        cs.stroke();
    }

    /** Closes the page being written (the document itself stays open to be saved). */
    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
    }
}
