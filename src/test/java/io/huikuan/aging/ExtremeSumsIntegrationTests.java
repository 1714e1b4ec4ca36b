package io.huikuan.aging;

import org.springframework.boot.test.context.SpringBootTest;

/** Sums of the largest amounts on H2, in a database of their own. */
@SpringBootTest(properties = "huikuan.test-context=extreme-sums")
class ExtremeSumsIntegrationTests extends ExtremeSumsBehaviour {
}
