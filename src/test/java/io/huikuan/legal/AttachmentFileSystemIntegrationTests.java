package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.legal.internal.AttachmentStore;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The file-system document store ({@code huikuan.legal.documents.store=filesystem}): the upload is a file under the
 * configured directory holding exactly the bytes sent; a file changed on disk is refused with an error naming the
 * SHA-256 mismatch (never served silently, and left out of the evidence pack with a note in its index), a missing one
 * likewise; deleting removes the file.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentFileSystemIntegrationTests {

    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("huikuan-documents");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("huikuan.legal.documents.store", () -> "filesystem");
        r.add("huikuan.legal.documents.dir", DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    @Test
    void filesLiveOnDiskAndATamperedFileIsRefused() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "legal", Role.LEGAL);
        String code = "FS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"常州远航物流有限公司"}""".formatted(code)).andExpect(status().isCreated());
        byte[] text = "对账确认：截至 2026-05-31 欠款 12,000.00 元。\n".getBytes(StandardCharsets.UTF_8);
        JsonNode a = Api.json(mvc.perform(multipart("/api/customers/" + code + "/attachments")
                .file(new MockMultipartFile("file", "确认.txt", "text/plain", text)).param("category", "SIGNED_CONFIRMATION")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("legal", "legal")))
                .andExpect(status().isCreated()));
        long id = a.get("id").asLong();
        assertThat(a.get("storage").asString()).isEqualTo("FILESYSTEM");
        assertThat(a.get("sha256").asString()).isEqualTo(AttachmentStore.sha256(text));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(DIR)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                try {
                    return java.util.Arrays.equals(Files.readAllBytes(p), text);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
        }
        assertThat(files).hasSize(1);
        Path file = files.get(0);

        byte[] back = Api.call(mvc, get("/api/attachments/" + id), "legal", null).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(back).isEqualTo(text);

        Files.writeString(file, "对账确认：截至 2026-05-31 欠款 1,200.00 元。\n");
        Api.call(mvc, get("/api/attachments/" + id), "legal", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString("has been changed"),
                        Matchers.containsString(a.get("sha256").asString()))));

        // the evidence pack leaves the changed file out and its index says so
        byte[] zip = Api.call(mvc, get("/api/customers/" + code + "/evidence-pack"), "legal", null).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        java.util.Map<String, byte[]> pack = EvidencePackBehaviour.unzip(zip);
        assertThat(pack.keySet()).contains("01-index.pdf", "05-statements/").noneMatch(k -> k.endsWith("确认.txt"));
        assertThat(EvidencePackBehaviour.pdfText(pack.get("01-index.pdf"))).contains("确认.txt", "未收入", a.get("sha256").asString());

        Files.delete(file);
        Api.call(mvc, get("/api/attachments/" + id), "legal", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("missing")));

        Files.write(file, text);
        Api.call(mvc, get("/api/attachments/" + id), "legal", null).andExpect(status().isOk());
        Api.call(mvc, delete("/api/attachments/" + id), "legal", null).andExpect(status().isNoContent());
        assertThat(file).doesNotExist();
    }
}
