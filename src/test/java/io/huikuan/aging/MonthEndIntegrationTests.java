package io.huikuan.aging;

import org.springframework.boot.test.context.SpringBootTest;

/** Month-end closes on H2, in a database of their own. */
@SpringBootTest(properties = "huikuan.test-context=month-ends")
class MonthEndIntegrationTests extends MonthEndBehaviour {
}
