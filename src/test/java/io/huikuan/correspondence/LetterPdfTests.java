package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.rendering.PDFRenderer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Letters laid out from {@code correspondence/letter} by {@link XhtmlPdfWriter}, the engine of statements: read back
 * with PDFBox, a letter shows the letterhead, its number, title, every body paragraph, the invoice table's amounts
 * unbroken, the signatory, the draft mark of a lawyer letter and the reply slip of a balance confirmation.
 */
class LetterPdfTests {

    private final PdfRenderer renderer = new PdfRenderer(templates());

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(StatementPdfTests.MESSAGES);
        return engine;
    }

    static final String BODY = """
            尊敬的{{contact.name}}：

            截至{{today}}，贵司尚有{{invoices.count}}张发票逾期未付，合计{{totals.overdue}}，明细如下：
            {{invoices.table}}
            请于{{payBy}}前付清。
            如已付款，请忽略本函。 Tom & Jerry <Ltd.> "quoted" 'single'

            Kind regards, {{collector.name}}""";

    /** A red disc as a PNG {@code data:} URI (a seal, a logo). */
    static String disc(Color color) throws Exception {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillOval(5, 5, 110, 110);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    static Map<String, Object> variables(DocumentKind kind, Locale locale, String number) {
        TemplateData d = TemplateSamples.sample(LocalDate.parse("2026-06-30"), StatementPdfTests.COMPANY).withDocumentNumber(number);
        RenderedMessage text = TemplateRenderer.render(0, TemplateText.parse("subject", "关于逾期账款的催款函").parts(),
                TemplateText.parse("body", BODY).parts(), locale, d);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("d", d);
        v.put("kind", kind.name());
        v.put("title", text.subject());
        v.put("body", text.html());
        v.put("number", number);
        v.put("draft", kind.draft());
        v.put("amount", Letters.amount(kind, d));
        v.put("amountUpper", ChineseAmount.upper(Letters.amount(kind, d)));
        v.put("signer", d.collector());
        v.put("seal", null);
        v.put("logo", null);
        v.put("zh", "zh".equals(locale.getLanguage()));
        return v;
    }

    private byte[] pdf(DocumentKind kind, Locale locale, String number) {
        return renderer.render("correspondence/letter", variables(kind, locale, number), locale);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void aLetterShowsItsLetterheadNumberTitleBodyTableAndSignatory() throws Exception {
        String text = text(pdf(DocumentKind.DEMAND_LETTER, Locale.SIMPLIFIED_CHINESE, "DL-2026-000042"));
        assertThat(text).contains("上海华科工业设备有限公司", "上海市浦东新区张江路 88 号", "021-5080 1234", "ar@huake.example", "DL-2026-000042",
                "关于逾期账款的催款函", "致：华东精密机械有限公司", "联系人：王丽 财务经理", "尊敬的王丽：", "截至2026年6月30日，贵司尚有3张发票逾期未付",
                "请于", "如已付款，请忽略本函。 Tom & Jerry <Ltd.> \"quoted\" 'single'", "Kind regards, 张伟", "2026年6月30日", "1 / 1");
        // every amount and invoice number of the table on one line, never broken
        assertThat(text).contains("FP-2026-0107", "128,000.00", "86,000.00", "56,500.00", "23,800.00", "166,300.00");
        // the letter's paragraphs and its line break are kept apart, the table between them
        assertThat(text.indexOf("明细如下")).isLessThan(text.indexOf("FP-2026-0107"));
        assertThat(text.indexOf("166,300.00")).isLessThan(text.indexOf("请于"));
        // the signature block: the company and the user who signs (the collector of the sample)
        assertThat(text.substring(text.indexOf("如已付款"))).contains("上海华科工业设备有限公司", "张伟");
        assertThat(text).doesNotContain("回 执", "草稿");
    }

    @Test
    void aBalanceConfirmationHasTheReplySlipOnAPageOfItsOwn() throws Exception {
        byte[] pdf = pdf(DocumentKind.BALANCE_CONFIRMATION, Locale.SIMPLIFIED_CHINESE, "BC-2026-000007");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(d)).doesNotContain("回 执");
        }
        String text = text(pdf);
        assertThat(text).contains("请沿此线剪下", "回 执", "致：上海华科工业设备有限公司", "本公司已收到贵公司编号为 BC-2026-000007 的对账函",
                "CNY 207,500.00", "贰拾万柒仟伍佰元整", "上述余额正确无误。", "上述余额与本公司记录不符。", "发票/单据号", "贵公司记录金额", "差异原因",
                "债务人（盖章）：", "经办人：", "2 / 2");
        String en = text(pdf(DocumentKind.BALANCE_CONFIRMATION, Locale.ENGLISH, "BC-2026-000008"));
        assertThat(en).contains("Reply slip", "We have received your balance confirmation letter BC-2026-000008", "CNY 207,500.00",
                "The balance above is correct.", "Debtor (stamp):");
    }

    @Test
    void aLawyerLetterDraftIsMarkedAsSuchOnEveryPage() throws Exception {
        String text = text(pdf(DocumentKind.LAWYER_LETTER, Locale.SIMPLIFIED_CHINESE, null));
        // drawn slanted, the mark reads back as its words
        assertThat(text).contains("草稿", "DRAFT", "（预览，未编号）");
    }

    @Test
    void theLogoHeadsTheLetterAndTheSealIsPrintedHalfTransparentOverTheSignature() throws Exception {
        Map<String, Object> v = variables(DocumentKind.PAYMENT_REMINDER, Locale.SIMPLIFIED_CHINESE, "PR-2026-000003");
        v.put("seal", disc(Color.RED));
        v.put("logo", disc(Color.BLUE));
        byte[] pdf = renderer.render("correspondence/letter", v, Locale.SIMPLIFIED_CHINESE);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDResources resources = d.getPage(0).getResources();
            List<COSName> images = new ArrayList<>();
            resources.getXObjectNames().forEach(images::add);
            assertThat(images).hasSize(2);
            List<Float> opacities = new ArrayList<>();
            resources.getExtGStateNames().forEach(n -> opacities.add(resources.getExtGState(n).getNonStrokingAlphaConstant()));
            assertThat(opacities).containsExactly(0.85f);
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 72);
            int red = 0;
            int blue = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    Color c = new Color(page.getRGB(x, y));
                    red += c.getRed() > 200 && c.getGreen() < 120 && c.getBlue() < 120 ? 1 : 0;
                    blue += c.getBlue() > 200 && c.getRed() < 80 && c.getGreen() < 80 ? 1 : 0;
                }
            }
            // the logo at the top left, the seal beside the signature in the lower half
            assertThat(blue).isGreaterThan(300);
            assertThat(red).isGreaterThan(1000);
        }
    }

    @ParameterizedTest
    @CsvSource({"DEMAND_LETTER, zh-CN", "BALANCE_CONFIRMATION, zh-CN", "LAWYER_LETTER, en", "BALANCE_CONFIRMATION, en"})
    void theSameLetterGivesTheSameBytes(DocumentKind kind, String lang) {
        Locale l = Locale.forLanguageTag(lang);
        assertThat(pdf(kind, l, "X-2026-000001")).isEqualTo(pdf(kind, l, "X-2026-000001"));
    }
}
