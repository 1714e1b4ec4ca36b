package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The score history chart of the customer page's credit section in Debian's Chromium (issue 15, item 6): with five
 * stored daily scores and today's, the inline SVG shows six points joined by a line over the five shaded grade bands,
 * each point titled with its date, score and grade, in Chinese and in English, without any CSP violation (no script).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CreditScoreChartBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private String collector;
    private String code;

    @BeforeEach
    void setUp() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        collector = "chcol" + suffix;
        code = "CH-" + suffix;
        Api.user(users, collector, Role.COLLECTOR);
        customers.create(new Customer(code, "评分图表测试有限公司", null, "华东", null, null, collector, new BigDecimal("100000.00"), 30, "C",
                List.of()), "browser test");
        long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        int[][] stored = {{150, 88}, {120, 74}, {90, 61}, {60, 47}, {30, 35}};
        for (int[] s : stored) {
            jdbc.sql("INSERT INTO credit_score (customer_id, as_of, score, grade) VALUES (?, ?, ?, ?)")
                    .params(id, Date.valueOf(today.minusDays(s[0])), s[1], grade(s[1])).update();
        }
        openPage();
    }

    private static String grade(int score) {
        return score >= 85 ? "A" : score >= 70 ? "B" : score >= 55 ? "C" : score >= 40 ? "D" : "E";
    }

    @Test
    void theChartShowsEveryStoredPointOverTheGradeBands() {
        login(collector);
        page.navigate(url("/customers/" + code));
        // five stored points and today's (stored when the section is opened: a new customer's neutral 60)
        assertThat(page.locator("#credit-chart")).isVisible();
        assertThat(page.locator("#credit-chart circle.point")).hasCount(6);
        assertThat(page.locator("#credit-chart rect.band")).hasCount(5);
        assertThat(page.locator("#credit-chart polyline.score-line")).hasCount(1);
        assertThat(page.locator("#credit-chart")).hasAttribute("data-points", "6");
        assertThat(page.locator("#credit-chart circle.grade-A title")).hasText(java.util.regex.Pattern.compile(".*88分，A级"));
        assertThat(page.locator("#credit-chart figcaption")).containsText("共6个点");
        assertThat(page.locator("#credit-chart svg")).hasAttribute("aria-label", "信用评分历史图，共6个点，背景为A至E等级区间");
        // the oldest point is left of the newest, and the score 88 is drawn above the score 35
        double[] first = box("#credit-chart circle.grade-A");
        double[] low = box("#credit-chart circle.grade-E");
        org.assertj.core.api.Assertions.assertThat(first[0]).isLessThan(low[0]);
        org.assertj.core.api.Assertions.assertThat(first[1]).isLessThan(low[1]);
        shot("credit-score-chart");

        page.navigate(url("/customers/" + code + "?lang=en"));
        assertThat(page.locator("#credit-chart circle.point")).hasCount(6);
        assertThat(page.locator("#credit-chart figcaption")).containsText("6 points");
        assertThat(page.locator("#credit-chart circle.grade-E title")).containsText("score 35, grade E");
    }

    private double[] box(String selector) {
        var b = page.locator(selector).boundingBox();
        return new double[] {b.x, b.y};
    }
}
