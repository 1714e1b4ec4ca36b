package io.huikuan.correspondence;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
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

    private final ITemplateEngine templates;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(String template, Map<String, Object> variables, Locale locale) {
        String html = templates.process(template, new Context(locale, variables));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PdfRenderer.class.getResourceAsStream(FONT), FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered: " + e.getMessage(), e);
        }
    }
}
