package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The statement of account as PDF, laid out from its template ({@code correspondence/statement}) by {@link XhtmlPdfWriter}:
 * on the company's letterhead with the document number and the seal, labels and payment methods in the chosen language,
 * amounts and dates never broken across lines, long statements over several pages with the table header on each, the
 * font embedded as a subset, the same statement giving the same bytes; and the same text as openhtmltopdf gives for
 * the same template.
 */
class StatementPdfTests {

    static final ResourceBundleMessageSource MESSAGES = messages();
    private final PdfRenderer renderer = new PdfRenderer(templates());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(MESSAGES);
        return engine;
    }

    static final CompanyProfiles.CompanyProfile COMPANY = new CompanyProfiles.CompanyProfile("上海华科工业设备有限公司", "上海市浦东新区张江路 88 号",
            "021-5080 1234", "ar@huake.example", null, null, null, "李明", "财务总监", 10, false, false);

    /** A statement with {@code n} movements: invoices with large amounts, bank transfers, credit notes, a write-off. */
    static Statement statement(String name, int n) {
        LocalDate from = LocalDate.parse("2026-01-01");
        List<Statement.Line> lines = new ArrayList<>();
        BigDecimal balance = new BigDecimal("1000.00");
        for (int i = 1; i <= n; i++) {
            LocalDate date = from.plusDays(i % 180);
            Statement.Line l = switch (i % 4) {
                case 0 -> new Statement.Line(date, "INVOICE", "INV-%05d".formatted(i), "2026-07-30", new BigDecimal("1272041.72"), null);
                case 1 -> new Statement.Line(date, "PAYMENT", "PAY-%05d".formatted(i), "BANK_TRANSFER", new BigDecimal("-99.0" + i % 10), null);
                case 2 -> new Statement.Line(date, "CREDIT_NOTE", "CN-%05d".formatted(i), "INV-%05d".formatted(i - 2), new BigDecimal("-10.00"), null);
                default -> new Statement.Line(date, "WRITE_OFF", String.valueOf(i), "INV-%05d".formatted(i - 3), new BigDecimal("-5.50"), null);
            };
            balance = balance.add(l.amount());
            lines.add(new Statement.Line(l.date(), l.kind(), l.reference(), l.detail(), l.amount(), balance));
        }
        return new Statement("KH0042", name, from, LocalDate.parse("2026-06-30"), new BigDecimal("1000.00"), lines, new BigDecimal("98765432.10"),
                new BigDecimal("1200.00"), new BigDecimal("10.00"), new BigDecimal("5.50"), balance);
    }

    static Map<String, Object> variables(Statement s, Locale locale, String seal) {
        return StatementVariables.of(s, LocalDate.parse("2026-06-30"), "ST-2026-000123", new CompanyProfiles.Letterhead(COMPANY, null, seal), locale,
                MESSAGES);
    }

    private byte[] pdf(String name, int n, Locale locale) {
        return renderer.render(PdfRenderer.STATEMENT, variables(statement(name, n), locale, null), locale);
    }

    @Test
    void theStatementIsOnTheLetterheadWithItsNumberAndChineseLabels() throws Exception {
        String text = text(pdf("苏州恒达精密机械有限公司", 8, Locale.SIMPLIFIED_CHINESE));
        assertThat(text).contains("上海华科工业设备有限公司", "上海市浦东新区张江路 88 号", "电话 021-5080 1234", "编号：ST-2026-000123", "出具日期：2026-06-30",
                "对账单", "对账期间：2026-01-01 至 2026-06-30", "客户：苏州恒达精密机械有限公司（KH0042）", "期初余额：1,000.00", "日期", "借方",
                "本期合计", "发票", "到期 2026-07-30", "银行转账", "红字/折让", "核销", "李明", "2026年6月30日");
        assertThat(text.replaceAll("\\R", "")).contains("逾期未提出异议视为确认");
        assertThat(text).doesNotContain("BANK_TRANSFER", "Statement", "Opening balance", "Due");
    }

    @Test
    void inEnglishTheLabelsAndPaymentMethodsAreEnglish() throws Exception {
        String text = text(pdf("Acme Trading Co., Ltd.", 8, Locale.ENGLISH));
        assertThat(text).contains("上海华科工业设备有限公司", "Tel. 021-5080 1234", "No.: ST-2026-000123", "Statement of account",
                "Period: 2026-01-01 to 2026-06-30", "Customer: Acme Trading Co., Ltd. (KH0042)", "Opening balance: 1,000.00", "Reference",
                "Invoice", "Due 2026-07-30", "Bank transfer", "Credit note", "Write-off", "Period totals", "Please tell us within ten days",
                "30 June 2026", "Page 1 of 1");
        assertThat(text).doesNotContain("BANK_TRANSFER", "对账单", "期初余额", "银行转账", "到期");
    }

    /** Any run of digits read back is a whole amount (1,272,041.72), a whole date (2026-01-01) or a plain number. */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9\\-,.])\\d[\\d,.\\-]*");
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,3}(,\\d{3})*\\.\\d{2}|\\d{4}-\\d{2}-\\d{2}|\\d+)\\.?");

    @Test
    void noAmountOrDateIsBrokenAcrossLinesWhateverTheNameAndTheAmounts() throws Exception {
        String name = "内蒙古自治区呼和浩特市赛罕区新世纪国际贸易与物流供应链管理集团股份有限公司第二分公司（华北、华东、华南、西南、东北大区联合结算中心）";
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String text = text(pdf(name, 40, locale));
            int amounts = 0;
            for (String line : text.split("\\R")) {
                if (line.contains(COMPANY.phone())) {
                    continue;
                }
                Matcher m = NUMBER.matcher(line);
                while (m.find()) {
                    assertThat(m.group()).as("in the line \"%s\" (%s)", line, locale).matches(WHOLE);
                    amounts++;
                }
            }
            assertThat(amounts).isGreaterThan(150);
            assertThat(text).contains("1,272,041.72", "98,765,432.10");
        }
    }

    @Test
    void aLongStatementRunsOverPagesWithTheHeaderOnEachAndEveryLineOnce() throws Exception {
        byte[] pdf = pdf("深圳顺达食品有限公司", 150, Locale.SIMPLIFIED_CHINESE);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(d);
                assertThat(page).as("page %d", p).contains("日期", "单号", "余额", "第 %d / %d 页".formatted(p, d.getNumberOfPages()));
                all.append(page);
            }
            for (int i = 1; i <= 150; i++) {
                if (i % 4 == 3) {
                    continue;
                }
                String ref = (i % 4 == 0 ? "INV-" : i % 4 == 1 ? "PAY-" : "CN-") + "%05d".formatted(i);
                // an invoice is also named in the detail of the credit note two lines further down and the write-off after it
                int times = i % 4 == 0 ? 1 + (i + 2 <= 150 ? 1 : 0) + (i + 3 <= 150 ? 1 : 0) : 1;
                assertThat(all.toString().split(ref, -1)).as(ref).hasSize(times + 1);
            }
            assertThat(all.toString().replaceAll("\\R", "")).contains("本期合计", "逾期未提出异议视为确认");
        }
    }

    @Test
    void theFontIsEmbeddedAsASubsetAndTheTitleIsDrawn() throws Exception {
        byte[] pdf = pdf("苏州恒达精密机械有限公司", 3, Locale.SIMPLIFIED_CHINESE);
        assertThat(pdf.length).isBetween(5_000, 80_000);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFont font = d.getPage(0).getResources().getFont(d.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo("对账单 KH0042");
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 72);
            int dark = 0;
            for (int y = 50; y < page.getHeight() / 3; y++) {
                for (int x = page.getWidth() / 4; x < page.getWidth() * 3 / 4; x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("dark pixels where the title is").isGreaterThan(100);
        }
    }

    @Test
    void theSealIsPrintedBesideTheSignature() throws Exception {
        BufferedImage seal = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(5, 5, 110, 110);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(seal, "png", png);
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        byte[] pdf = renderer.render(PdfRenderer.STATEMENT, variables(statement("苏州恒达精密机械有限公司", 3), Locale.SIMPLIFIED_CHINESE, uri),
                Locale.SIMPLIFIED_CHINESE);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            var res = d.getPage(d.getNumberOfPages() - 1).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (var n : res.getXObjectNames()) {
                if (res.getXObject(n) instanceof PDImageXObject i) {
                    images.add(i);
                }
            }
            assertThat(images).hasSize(1);
            assertThat(images.getFirst().getWidth()).isEqualTo(120);
            assertThat(images.getFirst().getImage().getRGB(60, 60) & 0xffffff).isEqualTo(0xff0000);
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(d.getNumberOfPages() - 1, 72);
            int red = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    if ((rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) < 60) {
                        red++;
                    }
                }
            }
            assertThat(red).as("red pixels of the seal").isGreaterThan(1000);
        }
    }

    @Test
    void theNumberStandsAtTheRightTheTitleInTheMiddleTheCompanyAtTheLeft() throws Exception {
        Map<String, Float> starts = new java.util.HashMap<>();
        try (PDDocument d = Loader.loadPDF(pdf("苏州恒达精密机械有限公司", 3, Locale.SIMPLIFIED_CHINESE))) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    starts.putIfAbsent(text.strip(), positions.getFirst().getXDirAdj());
                }
            }.getText(d);
        }
        float width = d0Width();
        assertThat(starts.get("编号：ST-2026-000123")).isGreaterThan(width * 0.6f);
        assertThat(starts.get("出具日期：2026-06-30")).isGreaterThan(width * 0.6f);
        assertThat(starts.get("对账单")).isBetween(width * 0.4f, width * 0.55f);
        assertThat(starts.get("上海华科工业设备有限公司")).isLessThan(width * 0.1f);
    }

    private static float d0Width() {
        return org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth();
    }

    @Test
    void aCharacterTheFontLacksIsShownAsAQuestionMark() throws Exception {
        String text = text(pdf("苏州恒达精密机械有限公司\uD83D\uDE00", 2, Locale.SIMPLIFIED_CHINESE));
        assertThat(text).doesNotContain("\uD83D\uDE00").contains("苏州恒达精密机械有限公司?（KH0042）");
    }

    @Test
    void writingTheSameStatementTwiceGivesTheSameBytes() throws Exception {
        String shots = System.getProperty("huikuan.screenshots");
        if (shots != null && !shots.isBlank()) {
            try (PDDocument d = Loader.loadPDF(pdf("苏州恒达精密机械有限公司", 30, Locale.SIMPLIFIED_CHINESE))) {
                ImageIO.write(new PDFRenderer(d).renderImageWithDPI(0, 90), "png", java.nio.file.Paths.get(shots, "statement-template.png").toFile());
            }
        }
        assertThat(pdf("苏州恒达精密机械有限公司", 20, Locale.SIMPLIFIED_CHINESE)).isEqualTo(pdf("苏州恒达精密机械有限公司", 20, Locale.SIMPLIFIED_CHINESE))
                .isNotEqualTo(pdf("苏州恒达精密机械有限公司", 21, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void ideographsReadBackAsWrittenAndEveryPageIsNumbered() throws Exception {
        Map<String, Object> v = variables(statement("工业人民有限公司", 12), Locale.SIMPLIFIED_CHINESE, null);
        String fast = text(renderer.render(PdfRenderer.STATEMENT, v, Locale.SIMPLIFIED_CHINESE));
        // 工 and 民, not the Kangxi radicals sharing their glyphs
        assertThat(fast).contains("工业人民有限公司", "上海华科工业设备有限公司", "第 1 / 1 页").doesNotContain("⼯", "⺠");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

}
