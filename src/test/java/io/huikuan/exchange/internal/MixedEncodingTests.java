package io.huikuan.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file in one encoding that holds rows in another is refused, naming the row a spreadsheet user
 * sees (CSV records: a quoted value with line breaks is one row), never a row the reader happened to
 * have buffered; a file in one encoding, however long, reads as before.
 */
class MixedEncodingTests {

    static final Charset GBK = Charset.forName("GBK");
    static final String[] NAMES = {"苏州恒达精密机械有限公司", "深圳华信电子有限公司", "北京京东方显示技术有限公司", "中国联通广州分公司",
        "上海宝钢包装股份有限公司", "杭州娃哈哈集团有限公司", "联通", "重庆长安汽车股份有限公司", "广州白云山医药集团"};

    @TempDir
    File dir;

    /**
     * customer_code,name,note: rows 2.. are written in {@code main}, row {@code odd} in {@code other};
     * every 100th row has a note with a quoted line break, so rows and lines differ.
     */
    static byte[] file(Charset main, int rows, int odd, Charset other) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("customer_code,name,note\n".getBytes(main));
        for (int row = 2; row <= rows; row++) {
            String note = row % 100 == 0 ? "\"第一行\n第二行\"" : "备注";
            String line = "K" + row + "," + NAMES[row % NAMES.length] + "," + note + "\n";
            out.write(line.getBytes(row == odd ? other : main));
        }
        return out.toByteArray();
    }

    /** Reads every row; answers the number of the last row read before the error. */
    long readAll(byte[] bytes, long[] lastGood) {
        try (RowSource s = FileFormats.open(new ByteArrayInputStream(bytes), "k.csv", new File(dir, "spool.xlsx"))) {
            s.header();
            SourceRow r;
            while ((r = s.next()) != null) {
                lastGood[0] = r.row();
            }
            return lastGood[0];
        }
    }

    @Test
    void aGbkRowInAUtf8FileIsNamedByItsRowNotWhereTheReaderWas() throws Exception {
        byte[] bytes = file(StandardCharsets.UTF_8, 4000, 3002, GBK);
        long[] lastGood = {0};
        assertThatThrownBy(() -> readAll(bytes, lastGood)).isInstanceOf(BadFileException.class).satisfies(e -> {
            BadFileException b = (BadFileException) e;
            assertThat(b.row()).isEqualTo(3002);
            // 30 quoted line breaks before it (rows 100, 200 ... 3000): row 3002 is line 3032 of the file
            assertThat(b.getMessage()).startsWith("row 3002 (line 3032 of the file) is not valid UTF-8 text")
                    .contains("GBK/GB18030").contains("save the whole file in one encoding");
        });
        assertThat(lastGood[0]).isEqualTo(3001);
    }

    @Test
    void aUtf8RowInAGbkFileIsRefusedInsteadOfStoredGarbled() throws Exception {
        byte[] bytes = file(GBK, 4000, 3002, StandardCharsets.UTF_8);
        long[] lastGood = {0};
        assertThatThrownBy(() -> readAll(bytes, lastGood)).isInstanceOf(BadFileException.class).satisfies(e -> {
            BadFileException b = (BadFileException) e;
            assertThat(b.row()).isEqualTo(3002);
            assertThat(b.getMessage()).startsWith("row 3002 (line 3032 of the file) is UTF-8 text in a GBK file")
                    .contains("\"K3002," + NAMES[3002 % NAMES.length] + ",备注\"");
        });
        assertThat(lastGood[0]).isEqualTo(3001);
        // the same near the top, inside the part read to detect the encoding
        assertThatThrownBy(() -> readAll(file(GBK, 50, 3, StandardCharsets.UTF_8), new long[1])).isInstanceOf(BadFileException.class)
                .hasMessageStartingWith("row 3 (line 3 of the file) is UTF-8 text in a GBK file");
    }

    @Test
    void aQuotedValueSpanningLinesIsOneRowForTheError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("customer_code,name,note\nK1,甲公司,\"第一行\n".getBytes(GBK));
        out.write("第二行 UTF-8\n".getBytes(StandardCharsets.UTF_8));
        out.write("第三行\"\nK2,乙公司,x\n".getBytes(GBK));
        assertThatThrownBy(() -> readAll(out.toByteArray(), new long[1])).isInstanceOf(BadFileException.class)
                .satisfies(e -> assertThat(((BadFileException) e).row()).isEqualTo(2))
                .hasMessageStartingWith("row 2 (line 3 of the file) is UTF-8 text in a GBK file");
    }

    @Test
    void twentyThousandGenuineGbkRowsOfCommonChineseReadWithoutAFalseAlarm() throws Exception {
        // random names of GB2312 characters, short ones too, which alone could pass for UTF-8
        Random random = new Random(11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("customer_code,name\n".getBytes(GBK));
        for (int row = 2; row <= 20_000; row++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                byte[] gb = {(byte) (0xB0 + random.nextInt(0xF7 - 0xB0 + 1)), (byte) (0xA1 + random.nextInt(0xFE - 0xA1 + 1))};
                String c = new String(gb, GBK);
                name.append(c.length() == 1 && c.charAt(0) != '\uFFFD' ? c : "公");
            }
            out.write(("K" + row + "," + name + "\n").getBytes(GBK));
        }
        out.write("K20001,联通\n".getBytes(GBK));
        long[] lastGood = {0};
        assertThat(readAll(out.toByteArray(), lastGood)).isEqualTo(20_001);
    }
}
