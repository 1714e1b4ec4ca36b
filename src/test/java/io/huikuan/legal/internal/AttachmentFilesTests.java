package io.huikuan.legal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The names the document store keeps and the types it accepts, decided by extension and checked against the content. */
class AttachmentFilesTests {

    @Test
    void namesLoseDirectoriesControlCharactersAndWhatFileSystemsRefuse() {
        assertThat(AttachmentFiles.sanitise("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(AttachmentFiles.sanitise("C:\\Users\\张三\\桌面\\合同 (终稿).pdf")).isEqualTo("合同 (终稿).pdf");
        assertThat(AttachmentFiles.sanitise("a\u0000b\r\nc:d*e?.pdf")).isEqualTo("a_b__c_d_e_.pdf");
        assertThat(AttachmentFiles.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
        assertThat(AttachmentFiles.sanitise("  ..hidden  name.txt ")).isEqualTo("hidden name.txt");
        assertThat(AttachmentFiles.sanitise(null)).isEqualTo("file");
        assertThat(AttachmentFiles.sanitise("///")).isEqualTo("file");
        String longName = "很长的文件名".repeat(40) + ".docx";
        assertThat(AttachmentFiles.sanitise(longName)).hasSize(AttachmentFiles.MAX_NAME).endsWith(".docx");
    }

    @Test
    void typesComeFromTheExtensionAndTheContentMustMatch() {
        assertThat(AttachmentFiles.contentType("扫描件.JPG")).hasValue("image/jpeg");
        assertThat(AttachmentFiles.contentType("对账.xlsx")).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(AttachmentFiles.contentType("bundle.zip")).isEmpty();
        assertThat(AttachmentFiles.contentType("page.html")).isEmpty();
        assertThat(AttachmentFiles.contentType("noextension")).isEmpty();

        assertThat(AttachmentFiles.contentMatches("a.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(AttachmentFiles.contentMatches("a.pdf", "<html>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(AttachmentFiles.contentMatches("a.docx", new byte[] {'P', 'K', 3, 4, 20})).isTrue();
        assertThat(AttachmentFiles.contentMatches("a.doc", new byte[] {'P', 'K', 3, 4, 20})).isFalse();
        assertThat(AttachmentFiles.contentMatches("a.tif", new byte[] {'M', 'M', 0, '*', 1})).isTrue();
        // text in UTF-8 or in GB18030 (Chinese Windows) is text; a NUL byte is not
        assertThat(AttachmentFiles.contentMatches("a.txt", "回款确认".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(AttachmentFiles.contentMatches("a.csv", "回款确认,1".getBytes(Charset.forName("GB18030")))).isTrue();
        assertThat(AttachmentFiles.contentMatches("a.txt", new byte[] {'M', 'Z', 0, 1})).isFalse();
    }
}
