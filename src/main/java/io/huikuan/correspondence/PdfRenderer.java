package io.huikuan.correspondence;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
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

    /** TrueTypeFont is not safe for concurrent use: one parsed copy per rendering thread. */
    private static final ThreadLocal<TrueTypeFont> FONTS = ThreadLocal.withInitial(() -> {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT)) {
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + FONT + " could not be read", e);
        }
    });

    private final ITemplateEngine templates;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(String template, Map<String, Object> variables, Locale locale) {
        String html = templates.process(template, new Context(locale, variables));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            // the font file (10 MB) is parsed once per thread, not once per document; each document embeds its subset
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, FONTS.get(), true)), FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered: " + e.getMessage(), e);
        }
    }
}
