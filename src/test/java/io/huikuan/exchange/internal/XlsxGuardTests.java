package io.huikuan.exchange.internal;

import static io.huikuan.exchange.XlsxFiles.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.exchange.ImportLimits;
import io.huikuan.exchange.XlsxFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** An XLSX file is checked before it is parsed: whatever it unpacks to, it is refused at a limit, in constant memory. */
class XlsxGuardTests {

    @TempDir
    File dir;

    File file(byte[] bytes) throws IOException {
        File f = new File(dir, "upload-" + System.nanoTime() + ".xlsx");
        Files.write(f.toPath(), bytes);
        return f;
    }

    static ImportLimits limits(long rows, int cellChars, long uncompressed, int ratio, long sharedStrings) {
        return new ImportLimits(rows, cellChars, DataSize.ofBytes(uncompressed), ratio, DataSize.ofBytes(sharedStrings));
    }

    void refused(byte[] xlsx, ImportLimits limits, String... contains) throws IOException {
        File f = file(xlsx);
        assertThatThrownBy(() -> XlsxGuard.check(f, limits)).isInstanceOf(BadFileException.class).satisfies(e -> {
            assertThat(e.getMessage()).startsWith("the file is refused").contains(contains);
            assertThat(((BadFileException) e).column()).isEqualTo("file");
        });
    }

    @Test
    void anOrdinaryWorkbookWithChineseTextPassesAndStillReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("客户");
        ws.value(0, 0, "customer_code");
        ws.value(0, 1, "name");
        for (int r = 1; r <= 5000; r++) {
            ws.value(r, 0, "K" + r);
            ws.value(r, 1, "苏州恒达精密机械有限公司 & 分公司 <" + r + ">");
        }
        wb.finish();
        File f = file(out.toByteArray());
        XlsxGuard.check(f, ImportLimits.DEFAULTS);
        try (RowSource s = FileFormats.open(new ByteArrayInputStream(out.toByteArray()), "k.xlsx", new File(dir, "spool.xlsx"))) {
            assertThat(s.header()).containsExactly("customer_code", "name");
            assertThat(s.next().cells()).containsExactly("K1", "苏州恒达精密机械有限公司 & 分公司 <1>");
        }
    }

    @Test
    void aCellThatUnpacksToSixtyFourMegabytesIsRefusedAtTheCellLimit() throws IOException {
        byte[] bomb = XlsxFiles.bomb(64L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200_000);
        refused(bomb, ImportLimits.DEFAULTS, "a cell in row 2 of xl/worksheets/sheet1.xml holds more than 32767 characters",
                "huikuan.imports.max-cell-chars=32767");
        // through the file-format detection too, as an upload goes
        assertThatThrownBy(() -> FileFormats.open(new ByteArrayInputStream(bomb), "bomb.xlsx", new File(dir, "spool.xlsx")))
                .isInstanceOf(BadFileException.class).hasMessageContaining("max-cell-chars");
    }

    @Test
    void aSharedStringIsCountedAcrossItsRichTextRunsEntitiesAndCdata() throws IOException {
        ImportLimits ten = limits(100, 10, 1 << 20, 100, 1 << 20);
        XlsxFiles.Part sheet = w -> w.xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
        File ok = file(XlsxFiles.workbook(sheet, w -> w.xml("<si><r><t>12345</t></r><r><t xml:space=\"preserve\">&amp;&lt;<![CDATA[漢字]]>è</t></r></si>")));
        XlsxGuard.check(ok, ten);
        refused(XlsxFiles.workbook(sheet, w -> w.xml("<si><r><t>123456</t></r><r><t>7890X</t></r></si>")), ten,
                "more than 10 characters", "max-cell-chars=10");
        refused(XlsxFiles.workbook(sheet, w -> w.xml("<si><t><![CDATA[12345678901]]></t></si>")), ten, "max-cell-chars=10");
        refused(XlsxFiles.workbook(w -> w.xml("<row r=\"1\"><c r=\"A1\"><f>SUM(A2:A99)+1+2+3</f></c></row>"), null), ten,
                "max-cell-chars=10");
    }

    @Test
    void moreRowsThanTheLimitAreRefused() throws IOException {
        XlsxFiles.Part rows = w -> {
            for (int r = 1; r <= 6; r++) {
                w.xml("<row r=\"" + r + "\">" + cell("A" + r, "x") + "</row>");
            }
        };
        XlsxGuard.check(file(XlsxFiles.workbook(rows, null)), limits(6, 100, 1 << 20, 100, 1 << 20));
        refused(XlsxFiles.workbook(rows, null), limits(5, 100, 1 << 20, 100, 1 << 20), "xl/worksheets/sheet1.xml has more than 5 rows",
                "huikuan.imports.max-rows=5");
    }

    @Test
    void sharedStringsOverTheirLimitAreRefused() throws IOException {
        XlsxFiles.Part sheet = w -> w.xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
        XlsxFiles.Part strings = w -> {
            for (int i = 0; i < 2000; i++) {
                w.xml("<si><t>INV-" + i + "</t></si>");
            }
        };
        refused(XlsxFiles.workbook(sheet, strings), limits(100, 100, 1 << 24, 100, 4096), "shared strings (xl/sharedStrings.xml)",
                "max-shared-strings=4096");
    }

    @Test
    void aPartThatUnpacksFarBeyondItsCompressedSizeIsABomb() throws IOException {
        // 8 MB of spaces between two rows: no cell is long, but the part is a thousand times its compressed size
        byte[] padded = XlsxFiles.workbook(w -> w.xml("<row r=\"1\">" + cell("A1", "x") + "</row>").repeat(8 << 20, ' '), null);
        refused(padded, ImportLimits.DEFAULTS, "xl/worksheets/sheet1.xml unpacks to more than 100 times its compressed size",
                "max-ratio=100");
        refused(padded, limits(100, 100, 4 << 20, 100_000, 1 << 20), "it unpacks to more than 4 MB", "max-uncompressed=");
    }

    @Test
    void aDocumentTypeDeclarationIsRefused() throws IOException {
        refused(XlsxFiles.workbook(w -> w.xml("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>"),
                null), ImportLimits.DEFAULTS, "document type declaration");
    }
}
