package io.huikuan.aging;

import org.springframework.boot.test.context.SpringBootTest;

/** Totals per currency on H2, in a database of their own (the base-or-foreign check is company-wide). */
@SpringBootTest(properties = "huikuan.test-context=currencies")
class CurrencyIntegrationTests extends CurrencyBehaviour {
}
