package io.huikuan.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content decides how a file is read: encodings, delimiters, spreadsheets, binary data. */
class FileFormatsTests {

    @TempDir
    File dir;

    RowSource open(byte[] bytes, String name) {
        return FileFormats.open(new ByteArrayInputStream(bytes), name, new File(dir, "spool.xlsx"));
    }

    @Test
    void utf8Gbk18030AndUtf16AreDecoded() {
        String text = "客户编码;客户名称\nK1;广州白云山医药集团\n";
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GBK")}) {
            try (RowSource s = open(text.getBytes(cs), "a.csv")) {
                assertThat(s.header()).containsExactly("客户编码", "客户名称");
                assertThat(s.next().cells()).containsExactly("K1", "广州白云山医药集团");
                assertThat(s.next()).isNull();
            }
        }
        byte[] utf16 = ("\uFEFF" + text.replace(';', '\t')).getBytes(StandardCharsets.UTF_16LE);
        try (RowSource s = open(utf16, "a.txt")) {
            assertThat(s.header()).containsExactly("客户编码", "客户名称");
            assertThat(s.description()).contains("UTF-16");
        }
    }

    @Test
    void blankLinesCountAsSpreadsheetRows() {
        try (RowSource s = open("a,b\n\n1,2\n".getBytes(StandardCharsets.UTF_8), "a.csv")) {
            s.header();
            assertThat(s.next().row()).isEqualTo(3);
        }
    }

    @Test
    void binaryLegacyXlsAndFakeXlsxAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> open(new byte[] {1, 2, 0, 4, 5}, "a.csv")).hasMessageContaining("binary");
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThatThrownBy(() -> open(ole, "a.xls")).hasMessageContaining(".xls");
        assertThatThrownBy(() -> open("a,b\n".getBytes(StandardCharsets.UTF_8), "a.xlsx")).hasMessageContaining("not an XLSX");
        assertThatThrownBy(() -> open(new byte[0], "a.csv")).hasMessageContaining("empty");
    }

    @Test
    void invalidUtf8AfterTheSniffedPrefixIsReportedWithItsRow() {
        StringBuilder b = new StringBuilder("a,b\n");
        while (b.length() < 70_000) {
            b.append("x,y\n");
        }
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = ',';
        bytes[head.length + 3] = '\n';
        try (RowSource s = open(bytes, "a.csv")) {
            s.header();
            assertThatThrownBy(() -> {
                while (s.next() != null) {
                    // read on
                }
            }).isInstanceOf(BadFileException.class).hasMessageContaining("not valid UTF-8");
        }
    }
}
