package io.huikuan.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-built XLSX files for the upload limits: a minimal valid workbook whose first sheet (and
 * shared strings) are written by the caller, so a test can make a 1 MB file that unpacks to 1 GiB.
 */
public final class XlsxFiles {

    private XlsxFiles() {
    }

    /** Writes XML to a ZIP entry; {@code text(n, c)} streams n copies of a character without holding them. */
    public interface Part {
        void write(PartWriter w) throws IOException;
    }

    public static final class PartWriter {
        private final OutputStream out;

        PartWriter(OutputStream out) {
            this.out = out;
        }

        public PartWriter xml(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public PartWriter repeat(long count, char c) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) c);
            for (long left = count; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            return this;
        }
    }

    /** A workbook with this first sheet (the {@code <sheetData>} content) and, when not null, these shared strings. */
    public static byte[] workbook(Part sheetData, Part sharedStrings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            PartWriter w = new PartWriter(zip);
            w.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheetData.write(w);
            w.xml("</sheetData></worksheet>");
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            w.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            if (sharedStrings != null) {
                sharedStrings.write(w);
            }
            w.xml("</sst>");
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** An inline-string cell. */
    public static String cell(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /**
     * The XLSX bomb: a customers sheet (header and one row) whose second row holds one inline-string
     * cell of {@code chars} characters. 1 GiB of one letter deflates to about 1 MB.
     */
    public static byte[] bomb(long chars) throws IOException {
        return workbook(w -> {
            w.xml("<row r=\"1\">" + cell("A1", "customer_code") + cell("B1", "name") + "</row>");
            w.xml("<row r=\"2\">" + cell("A2", "BOMB-1") + "<c r=\"B2\" t=\"inlineStr\"><is><t>");
            w.repeat(chars, 'A');
            w.xml("</t></is></c></row>");
        }, null);
    }
}
