package io.huikuan.correspondence;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fontbox.ttf.CjkPreferredFonts;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (XHTML) to PDF with openhtmltopdf, embedding the Noto Sans SC font
 * shipped in a Maven artifact ({@code com.helger.font:ph-fonts-noto-sans-sc}), so Chinese renders
 * the same on any machine, whatever fonts it has.
 */
@Component
class PdfRenderer {

    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String FONT_FAMILY = "Noto Sans SC";

    /** The statement template: written directly with PDFBox by {@link StatementPdfWriter} (same content, far faster). */
    static final String STATEMENT = "correspondence/statement";

    /**
     * Parsed copies of the font (the file is 10 MB): a TrueTypeFont is not safe for concurrent use, so a
     * rendering borrows one and gives it back; there are as many copies as documents were ever rendered at
     * the same time (a ThreadLocal would parse it again on every virtual thread of a web request).
     */
    private static final ConcurrentLinkedDeque<Font> FONTS = new ConcurrentLinkedDeque<>();

    /** One parsed font with the advance widths looked up so far (1/1000 em per BMP character). */
    private record Font(TrueTypeFont ttf, float[] widths) {
    }

    private static Font borrowFont() {
        Font f = FONTS.pollFirst();
        if (f != null) {
            return f;
        }
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT)) {
            float[] widths = new float[0x10000];
            Arrays.fill(widths, Float.NaN);
            return new Font(CjkPreferredFonts.parse(new RandomAccessReadBuffer(in)), widths);
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + FONT + " could not be read", e);
        }
    }

    private final ITemplateEngine templates;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The template rendered with the variables as a PDF (the statement through its dedicated writer). */
    byte[] render(String template, Map<String, Object> variables, Locale locale) {
        if (STATEMENT.equals(template)) {
            return renderStatement(variables);
        }
        return renderHtml(template, variables, locale);
    }

    /** The statement of account: the {@code correspondence/statement} template's variables, written by {@link StatementPdfWriter}. */
    byte[] renderStatement(Map<String, Object> variables) {
        Font font = borrowFont();
        try {
            return new StatementPdfWriter(font.ttf(), font.widths()).write(variables);
        } finally {
            FONTS.offerFirst(font);
        }
    }

    /** Any template through Thymeleaf (XHTML) and openhtmltopdf. */
    byte[] renderHtml(String template, Map<String, Object> variables, Locale locale) {
        String html = templates.process(template, new Context(locale, variables));
        Font font = borrowFont();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            // the font file is parsed once, not once per document; each document embeds its subset
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, font.ttf(), true)), FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered: " + e.getMessage(), e);
        } finally {
            FONTS.offerFirst(font);
        }
    }
}
