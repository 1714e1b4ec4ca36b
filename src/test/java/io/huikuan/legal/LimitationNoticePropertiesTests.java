package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huikuan.common.ValidationException;
import io.huikuan.ledger.InvoiceExpiries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notices' settings as configured (any order, nonsense dropped) and the threshold an invoice has reached. */
class LimitationNoticePropertiesTests {

    @Test
    void defaultsAre180And90And30DaysAnd90QuietDays() {
        LimitationNoticeProperties p = new LimitationNoticeProperties(null, null, null);
        assertThat(p.enabled()).isTrue();
        assertThat(p.warnDays()).containsExactly(180, 90, 30);
        assertThat(p.demandQuietDays()).isEqualTo(90);
    }

    @Test
    void configuredThresholdsAreSortedAndNonsenseIsDropped() {
        LimitationNoticeProperties p = new LimitationNoticeProperties(false, Arrays.asList(30, 365, null, -5, 0, 30, 60), -1);
        assertThat(p.enabled()).isFalse();
        assertThat(p.warnDays()).containsExactly(365, 60, 30);
        assertThat(p.demandQuietDays()).isEqualTo(90);
    }

    @Test
    void theThresholdReachedIsTheSmallestNotBelowTheDaysLeft() {
        LimitationNotices n = new LimitationNotices(null, null, new LimitationNoticeProperties(null, List.of(180, 90, 30), null), null);
        assertThat(n.threshold(181)).isNull();
        assertThat(n.threshold(180)).isEqualTo(180);
        assertThat(n.threshold(91)).isEqualTo(180);
        assertThat(n.threshold(90)).isEqualTo(90);
        assertThat(n.threshold(31)).isEqualTo(90);
        assertThat(n.threshold(30)).isEqualTo(30);
        assertThat(n.threshold(0)).isEqualTo(30);
    }

    @Test
    void theListFilterNamesItsFieldOnBadInput() {
        assertThat(InvoiceExpiries.Filter.parse(" Expiring ")).isEqualTo(InvoiceExpiries.Filter.EXPIRING);
        assertThat(InvoiceExpiries.Filter.parse("")).isNull();
        assertThatThrownBy(() -> InvoiceExpiries.Filter.parse("soon")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limitation");
    }
}
