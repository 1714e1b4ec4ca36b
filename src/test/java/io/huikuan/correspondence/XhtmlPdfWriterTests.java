package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTML beyond what the document templates use still shows all its text: lists with their markers, smaller headings,
 * bold inside a sentence, text between blocks, unknown elements.
 */
class XhtmlPdfWriterTests {

    private static PdfTextMeasure measure;

    @BeforeAll
    static void font() throws Exception {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(PdfRenderer.FONT)) {
            float[] widths = new float[0x10000];
            Arrays.fill(widths, Float.NaN);
            measure = new PdfTextMeasure(new TTFParser().parse(new RandomAccessReadBuffer(in)), widths);
        }
    }

    private static String text(String body) throws Exception {
        byte[] pdf = new XhtmlPdfWriter(measure).write("<html><head><title>t</title></head><body class=\"letter\">" + body + "</body></html>", "");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void listsHeadingsBoldAndUnknownElementsKeepTheirText() throws Exception {
        String text = text("""
                <div>开头的文字<p>第一段 <strong>加粗</strong> 与 <em>强调</em>，<u>下划线</u>。</p>之后的文字
                <h3>小标题</h3><ul><li>第一项</li><li><p>第二项</p></li></ul><ol><li>one</li><li>two <b>bold</b></li></ol>
                <blockquote>引用</blockquote><section><article>文章 <code>code()</code></article></section><hr/>
                <table><tr><td>单元格<br/>换行</td></tr></table></div>""");
        assertThat(text).contains("开头的文字", "第一段 加粗 与 强调，下划线。", "之后的文字", "小标题", "• 第一项", "• 第二项", "1. one", "2. two bold",
                "引用", "文章 code()", "单元格 换行");
    }

    @Test
    void longTextWrapsOverPagesWithoutLosingAWord() throws Exception {
        StringBuilder html = new StringBuilder("<p>");
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            html.append("word").append(i).append(i % 7 == 0 ? " <strong>strong" + i + "</strong> " : " ").append(i % 50 == 0 ? "<br/>" : "");
            words.append("word").append(i).append(i % 7 == 0 ? " strong" + i + " " : " ");
        }
        String text = text(html.append("</p>").toString());
        assertThat(text.lines().count()).isGreaterThan(20);
        assertThat(text.replaceAll("\\s+", " ")).contains(words.toString().strip());
    }
}
