package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The step dispatcher never takes more than its share of the connection pool. */
class DispatchPropertiesTests {

    @Test
    void workersAreCappedAtAThirdOfThePoolByDefault() {
        DispatchProperties p = new DispatchProperties(16, null, null, null);
        assertThat(p.workers(10)).isEqualTo(3);
        assertThat(p.workers(30)).isEqualTo(9);
        assertThat(p.workers(2)).isEqualTo(1);
        // fewer asked for than the pool allows: as asked
        assertThat(new DispatchProperties(2, null, null, null).workers(30)).isEqualTo(2);
        // another share, configured
        assertThat(new DispatchProperties(16, 0.5, null, null).workers(10)).isEqualTo(5);
    }

    @Test
    void defaultsWork() {
        DispatchProperties p = new DispatchProperties(null, null, null, null);
        assertThat(p.dispatchThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(p.dispatchBatch()).isEqualTo(20);
        assertThat(p.dispatchLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.dispatchPoolShare()).isEqualTo(0.33);
    }
}
