package io.huikuan.aging;

import static io.huikuan.aging.AgingBehaviour.assertAmounts;
import static io.huikuan.aging.AgingBehaviour.money;
import static io.huikuan.aging.AgingBehaviour.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manager-defined bucket sets and the drill-down from an aging cell to its invoices, as an API
 * client sees them. Each test works with its own collector, whose portfolio holds only that test's
 * customers, and its own bucket set names. Run on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AgingDrillBehaviour {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;

    /** Unique per test: prefix of codes and set names, and the name of the test's collector. */
    String p;
    String collector;

    @BeforeEach
    void setUp() {
        Api.user(users, "admin", Role.ADMIN);
        Api.user(users, "manager", Role.MANAGER);
        Api.user(users, "finance", Role.FINANCE);
        p = "AD" + RUN + "-" + SEQ.incrementAndGet();
        collector = "adc-" + p.toLowerCase();
        Api.user(users, collector, Role.COLLECTOR);
    }

    @Test
    void managersDefineAndDeleteBucketSetsEveryoneReadsThem() throws Exception {
        String name = "weekly " + p;
        call(post("/api/aging/bucket-sets"), "manager", """
                {"name":"%s","buckets":[7,14,30]}""".formatted(name))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.buckets[2]").value(30))
                .andExpect(jsonPath("$.ranges[0].label").value("not due"))
                .andExpect(jsonPath("$.ranges[1].fromDays").value(1))
                .andExpect(jsonPath("$.ranges[1].toDays").value(7))
                .andExpect(jsonPath("$.ranges[4].label").value("over 30"))
                .andExpect(jsonPath("$.ranges[4].fromDays").value(31))
                .andExpect(jsonPath("$.createdBy").value("manager"));
        // as text too, by an administrator
        call(post("/api/aging/bucket-sets"), "admin", """
                {"name":"text %s","buckets":"30, 90"}""".formatted(p)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.buckets[1]").value(90));

        // a collector reads them but may not define or delete them
        JsonNode list = read(get("/api/aging/bucket-sets", ""), collector);
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("name").asString()));
        assertThat(names).contains(name, "text " + p);
        call(post("/api/aging/bucket-sets"), collector, """
                {"name":"mine %s","buckets":[10]}""".formatted(p)).andExpect(status().isForbidden());
        call(post("/api/aging/bucket-sets"), "finance", """
                {"name":"fin %s","buckets":[10]}""".formatted(p)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/aging/bucket-sets/" + name).with(httpBasic(collector, collector))).andExpect(status().isForbidden());

        // names are unique
        call(post("/api/aging/bucket-sets"), "manager", """
                {"name":"%s","buckets":[5]}""".formatted(name))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        // the report uses the set, then refuses it once deleted
        JsonNode r = aging(collector, "bucketSet=" + enc(name));
        assertThat(r.get("buckets")).hasSize(5);
        mvc.perform(delete("/api/aging/bucket-sets/" + name).with(httpBasic("manager", "manager"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/aging/bucket-sets/" + name).with(httpBasic("manager", "manager"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/aging", "bucketSet=" + enc(name)).with(httpBasic(collector, collector)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bucketSet"));
        mvc.perform(get("/api/aging/invoices", "bucketSet=" + enc(name)).with(httpBasic(collector, collector)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bucketSet"));
    }

    @Test
    void badBoundsAndNamesAreRefusedNamingTheField() throws Exception {
        for (String buckets : List.of("[60,30]", "[0,30]", "[30,30]", "[30,\"abc\"]", "\"30,x\"", "\"\"", "[]", "[-7]", "[1.5]",
                "[1,2,3,4,5,6,7,8,9,10,11,12,13]", "null")) {
            call(post("/api/aging/bucket-sets"), "manager", """
                    {"name":"bad %s","buckets":%s}""".formatted(p, buckets))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("buckets"));
        }
        for (String name : List.of("\"\"", "null", "\"a/b\"")) {
            call(post("/api/aging/bucket-sets"), "manager", """
                    {"name":%s,"buckets":[30]}""".formatted(name))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("name"));
        }
        JsonNode list = read(get("/api/aging/bucket-sets", ""), "manager");
        list.forEach(s -> assertThat(s.get("name").asString()).doesNotStartWith("bad " + p));
    }

    @Test
    void agingWithASetSplitsAmountsByItsBuckets() throws Exception {
        String set = set("7,45");
        String c = customer("A", collector, null);
        invoice("D0", c, "2026-01-01", "2026-06-30", "100.00");   // 0 days: not due
        invoice("D7", c, "2026-01-01", "2026-06-23", "200.00");   // 7 days
        invoice("D8", c, "2026-01-01", "2026-06-22", "300.00");   // 8 days
        invoice("D45", c, "2026-01-01", "2026-05-16", "400.00");  // 45 days
        invoice("D46", c, "2026-01-01", "2026-05-15", "500.00");  // 46 days
        invoice("D99", c, "2026-01-01", "2026-03-23", "600.00");  // 99 days
        payment("P1", c, "2026-06-10", "D46", "123.45");          // partial, before D
        payment("P2", c, "2026-07-01", "D99", "600.00");          // after D: does not count

        JsonNode r = aging(collector, "asOf=2026-06-30&bucketSet=" + enc(set));
        JsonNode buckets = r.get("buckets");
        assertThat(buckets).hasSize(4);
        assertThat(buckets.get(0).get("label").asString()).isEqualTo("not due");
        assertThat(buckets.get(0).get("toDays").asInt()).isZero();
        assertThat(buckets.get(1).get("label").asString()).isEqualTo("1-7");
        assertThat(buckets.get(2).get("fromDays").asInt()).isEqualTo(8);
        assertThat(buckets.get(2).get("toDays").asInt()).isEqualTo(45);
        assertThat(buckets.get(3).get("label").asString()).isEqualTo("over 45");
        assertThat(buckets.get(3).get("fromDays").asInt()).isEqualTo(46);
        assertThat(buckets.get(3).get("toDays").isNull()).isTrue();
        assertAmounts(row(r, c), "1976.55", "100.00", "200.00", "700.00", "976.55");
        assertAmounts(r.get("total"), "1976.55", "100.00", "200.00", "700.00", "976.55");

        // the same invoices in the default buckets
        assertAmounts(row(aging(collector, "asOf=2026-06-30"), c),
                "1976.55", "100.00", "500.00", "776.55", "0.00", "600.00", "0.00", "0.00");
    }

    @Test
    void drillDownListsTheInvoicesOfEachCellAndTheyAddUpToIt() throws Exception {
        String set = set("10,60");
        String a = customer("A", collector, "RA-" + p);
        String b = customer("B", collector, "RB-" + p);
        String n = customer("N", collector, null);
        invoice("A1", a, "2026-01-01", "2026-07-31", "300.00");   // not due
        invoice("A2", a, "2026-01-01", "2026-06-20", "100.00");   // 10 days
        invoice("A3", a, "2026-01-01", "2026-02-01", "250.00");   // 149 days
        invoice("B1", b, "2026-01-01", "2026-06-19", "500.00");   // 11 days
        invoice("B2", b, "2025-01-01", "2025-02-01", "80.10");    // 514 days
        invoice("N1", n, "2026-01-01", "2026-05-01", "70.00");    // 60 days
        invoice("N2", n, "2026-07-01", "2026-08-01", "999.00");   // issued after D: not counted
        invoice("N3", n, "2026-01-01", "2026-05-01", "40.00");    // paid before D: not counted
        payment("P1", a, "2026-06-01", "A3", "50.00");            // partial, before D
        payment("P2", b, "2026-07-05", "B1", "500.00");           // after D: does not count
        payment("P3", n, "2026-06-02", "N3", "40.00");

        for (String bucketSet : List.of("", "&bucketSet=" + enc(set))) {
            for (String groupBy : List.of("customer", "region", "owner", "none")) {
                String query = "asOf=2026-06-30&groupBy=" + groupBy + bucketSet;
                JsonNode report = aging(collector, query);
                int buckets = report.get("buckets").size();
                for (JsonNode row : report.get("rows")) {
                    String key = row.get("key").isNull() ? "" : row.get("key").asString();
                    String keyParam = "&key=" + enc(key);
                    JsonNode whole = drill(collector, query + keyParam);
                    assertThat(sum(whole)).as("%s row %s", query, key).isEqualByComparingTo(money(row.get("total")));
                    for (int i = 0; i < buckets; i++) {
                        JsonNode cell = drill(collector, query + keyParam + "&bucket=" + i);
                        assertThat(sum(cell)).as("%s row %s bucket %d", query, key, i)
                                .isEqualByComparingTo(money(row.get("amounts").get(i)));
                        for (JsonNode item : cell.get("items")) {
                            long days = item.get("daysOverdue").asLong();
                            JsonNode range = report.get("buckets").get(i);
                            assertThat(range.get("fromDays").isNull() || days >= range.get("fromDays").asLong()).isTrue();
                            assertThat(range.get("toDays").isNull() || days <= range.get("toDays").asLong()).isTrue();
                        }
                    }
                }
                // key omitted: every row
                JsonNode all = drill(collector, query);
                assertThat(sum(all)).isEqualByComparingTo(money(report.get("total").get("total")));
                for (int i = 0; i < buckets; i++) {
                    assertThat(sum(drill(collector, query + "&bucket=" + i)))
                            .isEqualByComparingTo(money(report.get("total").get("amounts").get(i)));
                }
            }
        }

        // the items themselves, most overdue first
        JsonNode all = drill(collector, "asOf=2026-06-30");
        assertThat(all.get("total").asLong()).isEqualTo(6);
        assertThat(money(all.get("amount"))).isEqualTo(new BigDecimal("1250.10"));
        List<String> numbers = new ArrayList<>();
        all.get("items").forEach(i -> numbers.add(i.get("invoiceNo").asString()));
        assertThat(numbers).containsExactly("B2-" + p, "A3-" + p, "N1-" + p, "B1-" + p, "A2-" + p, "A1-" + p);
        JsonNode a3 = all.get("items").get(1);
        assertThat(a3.get("customerCode").asString()).isEqualTo(a);
        assertThat(a3.get("customerName").asString()).isEqualTo("客户 " + a);
        assertThat(a3.get("issueDate").asString()).isEqualTo("2026-01-01");
        assertThat(a3.get("dueDate").asString()).isEqualTo("2026-02-01");
        assertThat(a3.get("daysOverdue").asLong()).isEqualTo(149);
        assertThat(money(a3.get("amount"))).isEqualTo(new BigDecimal("250.00"));
        assertThat(money(a3.get("openAtAsOf"))).isEqualTo(new BigDecimal("200.00"));
        assertThat(all.get("items").get(5).get("daysOverdue").asLong()).isEqualTo(-31);

        // one cell: region RB, the custom set's 11-60 bucket
        JsonNode cell = drill(collector, "asOf=2026-06-30&groupBy=region&key=RB-" + p + "&bucket=2&bucketSet=" + enc(set));
        assertThat(cell.get("items")).hasSize(1);
        assertThat(cell.get("items").get(0).get("invoiceNo").asString()).isEqualTo("B1-" + p);
        // the row without a region
        JsonNode noRegion = drill(collector, "asOf=2026-06-30&groupBy=region&key=");
        assertThat(noRegion.get("items")).hasSize(1);
        assertThat(noRegion.get("items").get(0).get("invoiceNo").asString()).isEqualTo("N1-" + p);
        // pages
        JsonNode page1 = drill(collector, "asOf=2026-06-30&size=4&page=1");
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("total").asLong()).isEqualTo(6);
        assertThat(money(page1.get("amount"))).isEqualTo(new BigDecimal("1250.10"));
        assertThat(page1.get("items").get(0).get("invoiceNo").asString()).isEqualTo("A2-" + p);
    }

    @Test
    void drillDownIsPortfolioScoped() throws Exception {
        String other = "ado-" + p.toLowerCase();
        Api.user(users, other, Role.COLLECTOR);
        String mine = customer("M", collector, "RM-" + p);
        String theirs = customer("T", other, "RM-" + p);
        invoice("M1", mine, "2026-05-01", "2026-06-01", "123.45");
        invoice("T1", theirs, "2026-05-01", "2026-06-01", "678.90");

        JsonNode own = drill(collector, "asOf=2026-06-30&groupBy=region&key=RM-" + p);
        assertThat(own.get("items")).hasSize(1);
        assertThat(own.get("items").get(0).get("customerCode").asString()).isEqualTo(mine);
        assertThat(drill(collector, "asOf=2026-06-30&groupBy=customer&key=" + theirs).get("items")).isEmpty();
        JsonNode managers = drill("manager", "asOf=2026-06-30&groupBy=region&key=RM-" + p + "&bucket=1");
        assertThat(money(managers.get("amount"))).isEqualTo(new BigDecimal("802.35"));
        assertThat(sum(managers)).isEqualByComparingTo(money(row(aging("manager", "asOf=2026-06-30&groupBy=region"), "RM-" + p).get("amounts").get(1)));
    }

    @Test
    void badDrillDownInputIsRefusedNamingTheParameter() throws Exception {
        for (String[] bad : List.of(new String[] {"bucket=7", "bucket"}, new String[] {"bucket=-1", "bucket"},
                new String[] {"bucket=x", "bucket"}, new String[] {"groupBy=colour", "groupBy"},
                new String[] {"asOf=2026-02-30", "asOf"}, new String[] {"bucketSet=nope-" + p, "bucketSet"},
                new String[] {"size=0", "size"}, new String[] {"page=-1", "page"})) {
            mvc.perform(get("/api/aging/invoices", bad[0]).with(httpBasic(collector, collector)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
        mvc.perform(get("/api/aging/invoices", "")).andExpect(status().isUnauthorized());
    }

    // --- helpers

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return mvc.perform(req.with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    JsonNode read(MockHttpServletRequestBuilder req, String user) throws Exception {
        String body = mvc.perform(req.with(httpBasic(user, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    /** Defines a bucket set as the manager; returns its name. */
    String set(String bounds) throws Exception {
        String name = "set " + p + " " + bounds.replace(',', '.');
        call(post("/api/aging/bucket-sets"), "manager", """
                {"name":"%s","buckets":"%s"}""".formatted(name, bounds)).andExpect(status().isCreated());
        return name;
    }

    String customer(String suffix, String owner, String region) throws Exception {
        String code = suffix + "-" + p;
        call(post("/api/customers"), "admin", """
                {"code":"%s","name":"客户 %s","owner":"%s","region":%s}"""
                .formatted(code, code, owner, region == null ? "null" : "\"" + region + "\""))
                .andExpect(status().isCreated());
        return code;
    }

    void invoice(String no, String customer, String issue, String due, String amount) throws Exception {
        call(post("/api/invoices"), "finance", """
                {"invoiceNo":"%s-%s","customerCode":"%s","issueDate":"%s","dueDate":"%s","amount":%s}"""
                .formatted(no, p, customer, issue, due, amount)).andExpect(status().isCreated());
    }

    void payment(String ref, String customer, String date, String invoice, String amount) throws Exception {
        call(post("/api/payments"), "finance", """
                {"paymentRef":"%1$s-%2$s","customerCode":"%3$s","paymentDate":"%4$s","amount":%5$s,
                 "allocations":[{"invoiceNo":"%6$s-%2$s","amount":%5$s}]}"""
                .formatted(ref, p, customer, date, amount, invoice)).andExpect(status().isCreated());
    }

    /** A GET of {@code path} with the parameters of an URL-encoded query string, passed as decoded parameters. */
    static MockHttpServletRequestBuilder get(String path, String query) {
        MockHttpServletRequestBuilder req = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            req = req.param(name, value);
        }
        return req;
    }

    JsonNode aging(String user, String query) throws Exception {
        return read(get("/api/aging", query), user);
    }

    /** The drill-down, checked: items ordered by days overdue (most first), count and amount consistent when on one page. */
    JsonNode drill(String user, String query) throws Exception {
        JsonNode r = read(get("/api/aging/invoices", query), user);
        List<Long> days = new ArrayList<>();
        r.get("items").forEach(i -> days.add(i.get("daysOverdue").asLong()));
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        if (r.get("page").asInt() == 0 && r.get("items").size() < r.get("size").asInt()) {
            assertThat(r.get("total").asLong()).isEqualTo(r.get("items").size());
            assertThat(money(r.get("amount"))).isEqualByComparingTo(sum(r));
        }
        return r;
    }

    /** The sum of openAtAsOf over the items. */
    static BigDecimal sum(JsonNode drill) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : drill.get("items")) {
            sum = sum.add(money(item.get("openAtAsOf")));
        }
        return sum;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
