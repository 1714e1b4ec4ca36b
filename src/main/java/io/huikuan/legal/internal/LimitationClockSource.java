package io.huikuan.legal.internal;

import io.huikuan.common.Page;
import io.huikuan.legal.LimitationClock;
import io.huikuan.legal.LimitationItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The evidence pack's per-invoice clock from {@link LimitationClock}: every invoice of the customer open on the date. */
@Component
class LimitationClockSource implements InvoiceClockSource {

    private static final int PAGE = 500;

    private final LimitationClock clock;

    LimitationClockSource(LimitationClock clock) {
        this.clock = clock;
    }

    @Override
    public List<InvoiceClock> clocks(String customerCode, Collection<String> invoiceNos, LocalDate asOf) {
        Set<String> only = invoiceNos == null ? Set.of() : Set.copyOf(invoiceNos);
        List<InvoiceClock> clocks = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<LimitationItem> items = clock.items(asOf, customerCode, null, page, PAGE);
            for (LimitationItem i : items.items()) {
                if (only.isEmpty() || only.contains(i.invoiceNo())) {
                    clocks.add(new InvoiceClock(i.invoiceNo(), i.runsFrom(), i.expiresOn(), i.status().name()));
                }
            }
            if ((long) (page + 1) * PAGE >= items.total()) {
                return clocks;
            }
        }
    }
}
