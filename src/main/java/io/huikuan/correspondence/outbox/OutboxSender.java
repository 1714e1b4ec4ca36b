package io.huikuan.correspondence.outbox;

import io.huikuan.identity.CurrentUser;
import io.huikuan.correspondence.OutboxChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Each pass: messages left SENDING past the lease become UNCONFIRMED (their sender stopped
 * between handing them over and recording it, so they are never resent by themselves); then batches of due
 * QUEUED messages of the configured channels are claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED},
 * so several nodes never take the same row), sent on {@code threads} workers (one connection each), and each
 * result is recorded in its own short transaction: SENT; QUEUED again with exponential back-off after a
 * transient failure (FAILED after max attempts); FAILED permanent with the reason.
 */
@Component
public class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** What a pass did. */
    public record Pass(int sent, int retrying, int failed, int unconfirmed) {
    }

    private final OutboxStore store;
    private final ChannelRegistry channels;
    private final OutboxProperties props;
    private final Clock clock;
    private final ExecutorService workers;
    private volatile Consumer<Envelope> afterSend = e -> { };

    OutboxSender(OutboxStore store, ChannelRegistry channels, OutboxProperties props, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.props = props;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(props.threads(), Thread.ofPlatform().name("outbox-", 1).daemon(true).factory());
    }

    /**
     * Test hook run after the server accepted a message and before it is recorded as SENT. A hook that throws
     * an {@link Error} simulates the sender dying at the worst moment: the message stays SENDING.
     */
    public void afterSend(Consumer<Envelope> hook) {
        this.afterSend = hook == null ? e -> { } : hook;
    }

    @Scheduled(fixedDelayString = "${huikuan.outbox.poll-interval:PT2S}", initialDelayString = "${huikuan.outbox.poll-interval:PT2S}")
    void poll() {
        if (!props.enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("outbox pass failed: {}", e.toString());
        }
    }

    /** One pass: expire leases, then claim and send due messages until none are left. */
    public Pass runOnce() {
        int unconfirmed = store.expireLeases(clock.instant(), props.lease());
        Set<OutboxChannel> ready = channels.ready();
        int[] totals = new int[3];
        if (!ready.isEmpty()) {
            while (true) {
                List<Envelope> batch = store.claim(clock.instant(), ready, props.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                int[] r = dispatch(batch);
                for (int i = 0; i < 3; i++) {
                    totals[i] += r[i];
                }
                if (batch.size() < props.batchSize()) {
                    break;
                }
            }
        }
        return new Pass(totals[0], totals[1], totals[2], unconfirmed);
    }

    private int[] dispatch(List<Envelope> batch) {
        Map<OutboxChannel, List<Envelope>> byChannel = new EnumMap<>(OutboxChannel.class);
        batch.forEach(e -> byChannel.computeIfAbsent(e.channel(), k -> new ArrayList<>()).add(e));
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retrying = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (var entry : byChannel.entrySet()) {
            List<Envelope> list = entry.getValue();
            int slices = Math.min(props.threads(), list.size());
            for (int s = 0; s < slices; s++) {
                List<Envelope> slice = new ArrayList<>();
                for (int i = s; i < list.size(); i += slices) {
                    slice.add(list.get(i));
                }
                MessageChannel channel = channels.get(entry.getKey());
                futures.add(workers.submit(CurrentUser.systemTask(() -> sendAll(channel, slice, sent, retrying, failed))));
            }
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // a worker died (in tests: the simulated crash); its unrecorded messages stay SENDING until the lease ends
                log.error("outbox worker stopped: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new int[] {sent.get(), retrying.get(), failed.get()};
    }

    private void sendAll(MessageChannel channel, List<Envelope> slice, AtomicInteger sent, AtomicInteger retrying, AtomicInteger failed) {
        try (MessageChannel.Connection connection = channel.open()) {
            for (Envelope e : slice) {
                String providerId;
                try {
                    providerId = connection.send(e);
                } catch (DeliveryException d) {
                    if (store.markFailure(e, d.permanent(), d.getMessage(), clock.instant(), props)) {
                        failed.incrementAndGet();
                    } else {
                        retrying.incrementAndGet();
                    }
                    continue;
                } catch (RuntimeException ex) {
                    // not the server's answer: our side failed before handing over; try again later
                    log.warn("outbox message {} could not be sent: {}", e.id(), ex.toString());
                    if (store.markFailure(e, false, "sending failed: " + ex, clock.instant(), props)) {
                        failed.incrementAndGet();
                    } else {
                        retrying.incrementAndGet();
                    }
                    continue;
                }
                afterSend.accept(e);
                store.markSent(e, providerId, clock.instant());
                sent.incrementAndGet();
            }
        }
    }

    /** On shutdown, messages being handed over get a few seconds to be recorded (else they turn UNCONFIRMED after the lease). */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
