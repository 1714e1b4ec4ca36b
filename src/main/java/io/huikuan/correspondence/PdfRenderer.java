package io.huikuan.correspondence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a document template (Thymeleaf, XHTML) to PDF with the Noto Sans SC font shipped in a Maven artifact
 * ({@code com.helger.font:ph-fonts-noto-sans-sc}) embedded, so Chinese renders the same on any machine. Every document
 * (statements, letters) is laid out by one engine, {@link XhtmlPdfWriter}, from its template written in the subset of
 * HTML it understands, fast enough for thousands of statements a minute; the templates share their fragments
 * ({@code correspondence/letterhead}) and the renderings a pool of parsed fonts. Public so other modules lay out their
 * documents with the same engine and font (the legal module's evidence index, {@code templates/legal/evidence-index.html}).
 */
@Component
public class PdfRenderer {

    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String FONT_FAMILY = "Noto Sans SC";

    /** The statement template. */
    public static final String STATEMENT = "correspondence/statement";

    /**
     * Parsed copies of the font (the file is 10 MB) with their measured widths: a TrueTypeFont is not safe for
     * concurrent use, so a rendering borrows one and gives it back; there are as many copies as documents were ever
     * rendered at the same time (a ThreadLocal would parse it again on every virtual thread of a web request).
     */
    private static final ConcurrentLinkedDeque<PdfTextMeasure> FONTS = new ConcurrentLinkedDeque<>();

    private static PdfTextMeasure borrowFont() {
        PdfTextMeasure f = FONTS.pollFirst();
        if (f != null) {
            return f;
        }
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT)) {
            float[] widths = new float[0x10000];
            Arrays.fill(widths, Float.NaN);
            return new PdfTextMeasure(new TTFParser().parse(new RandomAccessReadBuffer(in)), widths);
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + FONT + " could not be read", e);
        }
    }

    private static volatile String baseCharacters;

    private static final Set<String> PAYMENT_METHODS = Set.of("method.BANK_TRANSFER", "method.BANK_ACCEPTANCE_DRAFT",
            "method.COMMERCIAL_ACCEPTANCE_DRAFT", "method.CASH", "method.OTHER");

    /**
     * The variable naming text every document of a kind shows besides its labels (the letterhead: the company's name,
     * address, signatory): its characters join the shared base subset instead of each document's own.
     */
    static final String SHARED_TEXT = "sharedText";

    /**
     * The characters of the shared base subset: the documents' labels and words ({@code pdf.*} and the payment methods in
     * the Chinese and English bundles); with printable ASCII they are most of a statement's text.
     */
    static String baseCharacters() {
        String b = baseCharacters;
        if (b == null) {
            Set<Integer> chars = new TreeSet<>();
            for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                ResourceBundle bundle = ResourceBundle.getBundle("messages", l);
                for (String key : bundle.keySet()) {
                    if (key.startsWith("pdf.") || PAYMENT_METHODS.contains(key)) {
                        bundle.getString(key).codePoints().forEach(chars::add);
                    }
                }
            }
            StringBuilder s = new StringBuilder();
            chars.forEach(s::appendCodePoint);
            b = s.append("–—（）：；，。、").toString();
            baseCharacters = b;
        }
        return b;
    }

    private final ITemplateEngine templates;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The template rendered with the variables as a PDF. */
    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        String html = templates.process(template, new Context(locale, variables));
        PdfTextMeasure font = borrowFont();
        try {
            Object shared = variables.get(SHARED_TEXT);
            return new XhtmlPdfWriter(font).write(html, shared instanceof String text ? baseCharacters() + text : baseCharacters());
        } finally {
            FONTS.offerFirst(font);
        }
    }
}
