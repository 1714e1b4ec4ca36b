package io.huikuan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * In Debian's Chromium: legal opens the calculators from the Legal menu, computes a summary-procedure court fee with
 * its bands and LPR interest across two LPR changes with its periods, and sees a bad range named at its field; on a
 * phone the page does not scroll sideways.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CalculatorBrowserTests extends BrowserTestSupport {

    @Autowired
    UserDirectory users;

    @BeforeEach
    void usersAndPage() {
        Api.user(users, "calcbrowser", Role.LEGAL);
        openPage();
    }

    @Test
    void legalComputesACourtFeeAndLprInterestFromTheMenu() {
        login("calcbrowser");
        nav("nav-legal-calculators");
        page.locator("#fee-claim").fill("1000000");
        page.locator("#fee-procedure").selectOption("SUMMARY");
        page.locator("#fee-submit").click();
        assertThat(page.locator("#fee-amount")).hasText("6,900.00");
        assertThat(page.locator("#fee-bands tbody tr")).hasCount(5);
        assertThat(page.locator("#fee-result")).containsText("第十六条");
        shot("calculator-court-fee");

        page.locator("#interest-principal").fill("1000000");
        page.locator("#interest-from").fill("2024-07-01");
        page.locator("#interest-to").fill("2024-10-31");
        page.locator("#interest-basis").selectOption("LPR");
        page.locator("#interest-submit").click();
        assertThat(page.locator("#interest-amount")).hasText("11,271.23");
        assertThat(page.locator("#interest-periods tbody tr")).hasCount(3);
        assertThat(page.locator("#interest-periods tbody tr").nth(1)).containsText("3.35%");
        shot("calculator-late-interest");

        page.locator("#interest-from").fill("2024-11-01");
        page.locator("#interest-submit").click();
        assertThat(page.locator("#late-interest .field-error")).containsText("早于逾期第一天");
        assertThat(page.locator("#interest-result")).hasCount(0);
        assertThat(page.locator("#nav-lpr")).hasCount(1);
    }

    @Test
    void onAPhoneThePageFitsTheScreen() {
        openPage(390, 844);
        login("calcbrowser");
        page.navigate(url("/legal/calculators?calc=interest&principal=1000000&from=2024-07-01&to=2024-10-31&basis=LPR&markup=0.5"));
        assertThat(page.locator("#interest-periods")).isVisible();
        Object wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(wide).isEqualTo(false);
    }
}
