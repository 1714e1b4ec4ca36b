package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer's documents & evidence page: linked from the customer page; upload through the form (with CSRF) and a
 * refused upload told in the user's language; a collector offered only the categories they may upload and no evidence
 * pack; the download, the evidence pack button and deletion by legal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    String code;

    @BeforeEach
    void customer() throws Exception {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "pagecol", Role.COLLECTOR);
        code = "AP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "admin", """
                {"code":"%s","name":"扬州明珠照明有限公司","owner":"pagecol"}""".formatted(code)).andExpect(status().isCreated());
    }

    static UserRequestPostProcessor as(String name, Role role) {
        return user(name).roles(role.name());
    }

    @Test
    void legalUploadsDownloadsPacksAndDeletesFromThePage() throws Exception {
        String customerPage = mvc.perform(get("/customers/" + code).with(as("legal", Role.LEGAL))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(customerPage).contains("id=\"customer-attachments\"", "/customers/" + code + "/attachments");

        String page = mvc.perform(get("/customers/" + code + "/attachments").with(as("legal", Role.LEGAL))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("证据材料", "还没有上传文件。", "id=\"attachment-form\"", "id=\"evidence-form\"", "value=\"CONTRACT\"",
                "enctype=\"multipart/form-data\"");

        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/customers/" + code + "/attachments").file(new MockMultipartFile("file", "合同.pdf", "application/pdf", pdf))
                .param("category", "CONTRACT").with(csrf()).with(as("legal", Role.LEGAL)))
                .andExpect(redirectedUrl("/customers/" + code + "/attachments")).andExpect(flash().attribute("flash", "已上传 合同.pdf。"));
        mvc.perform(multipart("/customers/" + code + "/attachments").file(new MockMultipartFile("file", "x.exe", "application/octet-stream", pdf))
                .param("category", "CONTRACT").param("lang", "en").with(csrf()).with(as("legal", Role.LEGAL)))
                .andExpect(redirectedUrl("/customers/" + code + "/attachments"))
                .andExpect(flash().attribute("flashError", Matchers.containsString("Files like \"x.exe\" are not accepted")));
        mvc.perform(multipart("/customers/" + code + "/attachments").file(new MockMultipartFile("file", "合同.pdf", "application/pdf", pdf))
                .param("category", "CONTRACT").with(as("legal", Role.LEGAL))).andExpect(status().isForbidden());

        page = mvc.perform(get("/customers/" + code + "/attachments").with(as("legal", Role.LEGAL))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("合同.pdf").doesNotContain("还没有上传文件。");
        String id = page.replaceAll("(?s).*href=\"/attachments/(\\d+)\".*", "$1");
        byte[] back = mvc.perform(get("/attachments/" + id).with(as("legal", Role.LEGAL))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(back).isEqualTo(pdf);

        byte[] zip = mvc.perform(get("/customers/" + code + "/evidence-pack").param("locale", "en").with(as("legal", Role.LEGAL)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", Matchers.containsString("evidence-" + code)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(EvidencePackBehaviour.unzip(zip)).containsKey("01-index.pdf").anySatisfy((k, v) -> assertThat(k).endsWith("_合同.pdf"));
        mvc.perform(get("/customers/" + code + "/evidence-pack").param("asOf", "2999-01-01").with(as("legal", Role.LEGAL)))
                .andExpect(redirectedUrl("/customers/" + code + "/attachments"))
                .andExpect(flash().attribute("flashError", Matchers.containsString("截至日期不能晚于今天")));

        mvc.perform(post("/attachments/" + id + "/delete").with(csrf()).with(as("legal", Role.LEGAL)))
                .andExpect(redirectedUrl("/customers/" + code + "/attachments")).andExpect(flash().attribute("flash", "已删除 合同.pdf。"));
        mvc.perform(get("/attachments/" + id).with(as("legal", Role.LEGAL))).andExpect(status().isNotFound());
    }

    @Test
    void aCollectorIsOfferedTheDeliveryPapersAndNoEvidencePack() throws Exception {
        String page = mvc.perform(get("/customers/" + code + "/attachments").with(as("pagecol", Role.COLLECTOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"attachment-form\"", "value=\"DELIVERY\"", "value=\"COURIER_RECEIPT\"")
                .doesNotContain("value=\"CONTRACT\"", "value=\"JUDGMENT\"", "id=\"evidence-form\"");
        mvc.perform(get("/customers/" + code + "/attachments").with(as("stranger", Role.COLLECTOR))).andExpect(status().isNotFound());
        mvc.perform(get("/customers/" + code + "/evidence-pack").with(as("pagecol", Role.COLLECTOR))).andExpect(status().isForbidden());
    }
}
