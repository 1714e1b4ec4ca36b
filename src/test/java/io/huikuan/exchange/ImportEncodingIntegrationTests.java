package io.huikuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A CSV upload mixing GBK and UTF-8 is refused naming the row that differs, and nothing is written, even in valid-rows mode. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportEncodingIntegrationTests {

    static final Charset GBK = Charset.forName("GBK");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void users() {
        Api.user(users, "encfinance", Role.FINANCE);
    }

    byte[] customers(String prefix, Charset main, int odd, Charset other) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("客户编码,客户名称,区域\n".getBytes(main));
        for (int row = 2; row <= 3500; row++) {
            String name = row % 250 == 0 ? "\"北京京东方显示技术有限公司\n（第二行）\"" : "苏州恒达精密机械有限公司" + row;
            out.write((prefix + row + "," + name + ",华东\n").getBytes(row == odd ? other : main));
        }
        return out.toByteArray();
    }

    JsonNode upload(byte[] file, int expectedStatus) throws Exception {
        MvcResult r = mvc.perform(multipart("/api/imports/customers").file(new MockMultipartFile("file", "customers.csv", "text/csv", file))
                .param("mode", "valid-rows").with(httpBasic("encfinance", "encfinance"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(expectedStatus);
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long stored(String prefix) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE code LIKE ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void aUtf8RowInAGbkFileIsRefusedByItsRowAndNothingIsStoredGarbled() throws Exception {
        JsonNode report = upload(customers("ENC1-", GBK, 3002, StandardCharsets.UTF_8), 422);
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(3002);
        assertThat(error.get("column").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).startsWith("row 3002 (line 3014 of the file) is UTF-8 text in a GBK file")
                .contains("苏州恒达精密机械有限公司3002");
        assertThat(report.get("written").asBoolean()).isFalse();
        assertThat(stored("ENC1-")).isZero();
    }

    @Test
    void aGbkRowInAUtf8FileIsRefusedByItsRowAndAFileInOneEncodingImports() throws Exception {
        JsonNode report = upload(customers("ENC2-", StandardCharsets.UTF_8, 3002, GBK), 422);
        assertThat(report.get("errors").get(0).get("row").asLong()).isEqualTo(3002);
        assertThat(report.get("errors").get(0).get("message").asString()).startsWith("row 3002 (line 3014 of the file) is not valid UTF-8 text");
        assertThat(stored("ENC2-")).isZero();

        assertThat(upload(customers("ENC3-", GBK, 0, GBK), 200).get("imported").asInt()).isEqualTo(3499);
        assertThat(jdbc.sql("SELECT name FROM customer WHERE code = 'ENC3-500'").query(String.class).single())
                .isEqualTo("北京京东方显示技术有限公司\n（第二行）");
    }
}
