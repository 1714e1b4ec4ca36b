package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The statement written directly with PDFBox: the same text as the {@code correspondence/statement}
 * template rendered by openhtmltopdf, long statements over several pages with the table header on
 * each, the font embedded as a subset, characters the font lacks shown as "?" rather than failing.
 */
class StatementPdfWriterTests {

    private final PdfRenderer renderer = new PdfRenderer(templates());

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** The template's variables, as {@code Documents} builds them, for a statement with {@code n} movements. */
    static Map<String, Object> statement(String name, int n) {
        LocalDate from = LocalDate.parse("2026-01-01");
        LocalDate to = LocalDate.parse("2026-06-30");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("s", new Statement("KH0042", name, from, to, new BigDecimal("1000.00"), List.of(), new BigDecimal("2500.50"),
                new BigDecimal("1200.00"), new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("2290.50")));
        v.put("issuedOn", "2026-06-30");
        v.put("opening", "1,000.00");
        v.put("closing", "2,290.50");
        v.put("invoiced", "2,500.50");
        v.put("paid", "1,200.00");
        v.put("credited", "10.00");
        v.put("writtenOff", "0.00");
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String date = from.plusDays(i % 180).toString();
            lines.add(switch (i % 3) {
                case 0 -> Map.of("date", date, "kind", "发票 Invoice", "reference", "INV-%05d".formatted(i), "detail", "到期 Due 2026-07-30",
                        "debit", "1,234.5" + i % 10, "credit", "", "balance", "%,d.00".formatted(10_000 + i));
                case 1 -> Map.of("date", date, "kind", "收款 Payment", "reference", "PAY-%05d".formatted(i), "detail", "BANK_TRANSFER",
                        "debit", "", "credit", "99.0" + i % 10, "balance", "%,d.00".formatted(10_000 + i));
                default -> Map.of("date", date, "kind", "红字/折让 Credit note", "reference", "CN-%05d".formatted(i), "detail",
                        "INV-%05d".formatted(i - 2), "debit", "", "credit", "10.00", "balance", "%,d.00".formatted(10_000 + i));
            });
        }
        v.put("lines", lines);
        return v;
    }

    @Test
    void theStatementShowsTheSameTextAsTheTemplate() throws Exception {
        Map<String, Object> v = statement("苏州恒达精密机械有限公司", 12);
        byte[] direct = renderer.render(PdfRenderer.STATEMENT, v, Locale.SIMPLIFIED_CHINESE);
        byte[] html = renderer.renderHtml(PdfRenderer.STATEMENT, v, Locale.SIMPLIFIED_CHINESE);

        String written = text(direct);
        assertThat(written).contains("对账单 Statement of account", "苏州恒达精密机械有限公司", "KH0042", "2026-01-01 – 2026-06-30",
                "期初余额 Opening balance：1,000.00", "期末余额 Closing balance：2,290.50", "INV-00003", "PAY-00001", "CN-00002",
                "本期合计 Period totals", "2,500.50", "逾期未提出异议视为确认");
        // every character the template shows, as many times, whatever the line breaks and the order read back
        assertThat(characters(written)).isEqualTo(characters(text(html)));
    }

    @Test
    void aLongStatementRunsOverPagesWithTheHeaderOnEachAndEveryLineOnce() throws Exception {
        byte[] pdf = renderer.render(PdfRenderer.STATEMENT, statement("深圳顺达食品有限公司", 150), Locale.SIMPLIFIED_CHINESE);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(d);
                assertThat(page).as("page %d", p).contains("日期 Date", "单号 Reference", "余额");
                all.append(page);
            }
            for (int i = 1; i <= 150; i++) {
                String ref = (i % 3 == 0 ? "INV-" : i % 3 == 1 ? "PAY-" : "CN-") + "%05d".formatted(i);
                // an invoice is also named in the detail of the credit note two lines further down
                int times = i % 3 == 0 && i + 2 <= 150 ? 2 : 1;
                assertThat(all.toString().split(ref, -1)).as(ref).hasSize(times + 1);
            }
            assertThat(all).contains("本期合计 Period totals", "Please tell us within ten days");
            // the title and the totals are on the first and the last page
            assertThat(new PDFTextStripper() {
                {
                    setEndPage(1);
                }
            }.getText(d)).contains("对账单 Statement of account").doesNotContain("本期合计");
        }
    }

    @Test
    void theFontIsEmbeddedAsASubsetAndTheTitleIsDrawn() throws Exception {
        byte[] pdf = renderer.render(PdfRenderer.STATEMENT, statement("苏州恒达精密机械有限公司", 3), Locale.SIMPLIFIED_CHINESE);
        // a subset: a few tens of kilobytes, not the 10 MB font
        assertThat(pdf.length).isBetween(5_000, 60_000);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFont font = d.getPage(0).getResources().getFont(d.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
            assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo("对账单 KH0042");

            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 72);
            int dark = 0;
            for (int y = 40; y < 90; y++) {
                for (int x = page.getWidth() / 4; x < page.getWidth() * 3 / 4; x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("dark pixels where the Chinese title is").isGreaterThan(100);
        }
    }

    @Test
    void aLongNameWrapsAndACharacterTheFontLacksIsShownAsAQuestionMark() throws Exception {
        String name = "内蒙古自治区呼和浩特市赛罕区新世纪国际贸易与物流供应链管理集团股份有限公司第二分公司\uD83D\uDE00";
        byte[] pdf = renderer.render(PdfRenderer.STATEMENT, statement(name, 2), Locale.SIMPLIFIED_CHINESE);
        String text = text(pdf);
        assertThat(text).doesNotContain("\uD83D\uDE00");
        // the name runs over lines of its cell; the issue date beside it is read back on the first of them
        String flat = text.replace("出具日期 Issued：2026-06-30", "").replaceAll("\\s", "");
        assertThat(flat).contains("客户Customer：" + name.substring(0, name.length() - 2) + "?（KH0042）");
    }

    @Test
    void theTitleAndTheTotalsAreBoldAndTheRestIsNot() throws Exception {
        byte[] pdf = renderer.render(PdfRenderer.STATEMENT, statement("苏州恒达精密机械有限公司", 3), Locale.SIMPLIFIED_CHINESE);
        StringBuilder bold = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.FILL_STROKE ? bold : plain).append(text.getUnicode());
                }
            }.getText(d);
        }
        assertThat(bold.toString().replace(" ", "")).isEqualTo("对账单Statementofaccount2026-06-30本期合计Periodtotals2,500.501,200.002,290.50");
        assertThat(plain.toString().replace(" ", "")).contains("苏州恒达精密机械有限公司", "INV-00003", "Pleasetellus");
    }

    @Test
    void writingTheSameStatementTwiceGivesTheSameBytes() {
        Map<String, Object> v = statement("苏州恒达精密机械有限公司", 20);
        assertThat(renderer.render(PdfRenderer.STATEMENT, v, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(renderer.render(PdfRenderer.STATEMENT, v, Locale.SIMPLIFIED_CHINESE));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    /**
     * The characters of a text, sorted, without white space and dashes as "-"; compatibility forms folded:
     * openhtmltopdf's ToUnicode map names the Kangxi radical ⼾ for the glyph of 户 (folded, 戶) and ⽇ for 日.
     */
    private static String characters(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('戶', '户').replaceAll("\\p{Pd}", "-").replaceAll("\\s", "");
        return folded.codePoints().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
