package io.huikuan.exchange;

import org.springframework.test.context.TestPropertySource;

/**
 * The import behaviours when stored invoices are too many to preload: every invoice row then goes
 * through the staging table and the set-based insert (H2).
 */
@TestPropertySource(properties = "huikuan.exchange.preload-max-invoices=-1")
class ImportThroughStagingIntegrationTests extends ImportBehaviour {
}
