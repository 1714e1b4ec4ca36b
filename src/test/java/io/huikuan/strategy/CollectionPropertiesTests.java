package io.huikuan.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node that died holds the daily run for minutes, not half an hour: the lease is short and renewed well within it. */
class CollectionPropertiesTests {

    @Test
    void theRunLockIsAShortLeaseRenewedWellWithinIt() {
        CollectionProperties d = new CollectionProperties(null, null, null, null);
        assertThat(d.lockAtMostFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.lockRenewEvery()).isEqualTo(Duration.ofSeconds(40));
        // a renewal interval that would let the lease run out is brought back to a third of it
        CollectionProperties slow = new CollectionProperties(null, null, Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(slow.lockRenewEvery()).isEqualTo(Duration.ofSeconds(20));
        assertThat(new CollectionProperties(null, null, Duration.ofSeconds(6), null).lockRenewEvery()).isEqualTo(Duration.ofSeconds(2));
    }
}
