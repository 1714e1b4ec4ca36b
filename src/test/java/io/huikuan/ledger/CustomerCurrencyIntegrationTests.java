package io.huikuan.ledger;

import org.springframework.boot.test.context.SpringBootTest;

/** A customer's balances per currency on H2 (the context of the other currency tests). */
@SpringBootTest(properties = "huikuan.test-context=currencies")
class CustomerCurrencyIntegrationTests extends CustomerCurrencyBehaviour {
}
