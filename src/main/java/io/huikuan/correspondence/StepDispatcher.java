package io.huikuan.correspondence;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.ConductRules;
import io.huikuan.worklist.StepTask;
import io.huikuan.worklist.Tasks;
import io.huikuan.worklist.Tone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the strategy steps that write to the customer into real messages and letters: an e-mail or SMS step
 * queues its message in the outbox, a chat step its chat message, a letter step issues its letter (a demand
 * letter is also e-mailed as an attachment when the contact has an address). Each task is produced once,
 * in its own transaction with its claim, so a crash or a second node never produces it twice. A step marked
 * for approval waits until a manager approves it. When the contact lacks an address or nothing is overdue any
 * more, the task stays open for the collector with a note saying why.
 */
@Service
public class StepDispatcher {

    private static final Logger log = LoggerFactory.getLogger(StepDispatcher.class);

    /** The result of a dispatch pass. */
    public record Result(int produced, int leftToCollector, int failed) {
    }

    /** What a step would send: the rendered message (e-mail, SMS, chat) or letter. */
    public record Preview(StepTask task, String recipient, RenderedMessage message, Letters.Draft letter) {
    }

    private final Tasks tasks;
    private final TemplateDataBuilder data;
    private final Templates templates;
    private final Letters letters;
    private final Outbox outbox;
    private final ConductRules conduct;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int threads;

    StepDispatcher(Tasks tasks, TemplateDataBuilder data, Templates templates, Letters letters, Outbox outbox, ConductRules conduct,
            PlatformTransactionManager transactions, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${huikuan.correspondence.dispatch-threads:0}") int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.tasks = tasks;
        this.data = data;
        this.templates = templates;
        this.letters = letters;
        this.outbox = outbox;
        this.conduct = conduct;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Produces every due step's message or letter (as the daily run's follow-up, the schedule, or a manager's request). */
    public Result dispatchDue(LocalDate asOf) {
        java.util.concurrent.atomic.AtomicInteger produced = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long after = 0;
        // letters are rendered on every core; each task is its own transaction with its claim, so workers never collide
        java.util.concurrent.ExecutorService workers = threads == 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            while (true) {
                List<StepTask> chunk = tasks.toDispatch(asOf, after, 200);
                if (chunk.isEmpty()) {
                    break;
                }
                after = chunk.getLast().taskId();
                if (workers == null) {
                    for (StepTask t : chunk) {
                        int r = produceOne(t, asOf);
                        (r > 0 ? produced : r == 0 ? left : failed).incrementAndGet();
                    }
                    continue;
                }
                List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
                for (StepTask t : chunk) {
                    running.add(workers.submit(() -> {
                        switch (produceOne(t, asOf)) {
                            case 1 -> produced.incrementAndGet();
                            case 0 -> left.incrementAndGet();
                            default -> failed.incrementAndGet();
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : running) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new Result(produced.get(), left.get(), failed.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed.incrementAndGet();
                    }
                }
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        return new Result(produced.get(), left.get(), failed.get());
    }

    /** One task in its own transaction: 1 produced, 0 left to the collector, -1 failed (noted on the task). */
    private int produceOne(StepTask t, LocalDate asOf) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> produce(t, asOf))) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("the {} of task {} ({}) could not be produced: {}", t.channel(), t.taskId(), t.customerCode(), e.toString());
            tx.executeWithoutResult(s -> {
                if (tasks.claimDispatch(t.taskId(), null)) {
                    tasks.noteDispatch(t.taskId(), "failed|" + String.valueOf(e.getMessage()).replace('|', '/'));
                }
            });
            return -1;
        }
    }

    /** A manager approves a step's message or letter; it is produced at once. */
    public StepTask approve(long taskId) {
        CurrentUser user = CurrentUser.require("approve messages and letters", Role.MANAGER);
        StepTask t = tasks.stepTask(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        if (!t.awaitingApproval()) {
            throw ValidationException.coded("taskId", taskId, "dispatch.notAwaiting", "task " + taskId + " is not waiting for approval");
        }
        tx.executeWithoutResult(s -> {
            tasks.approve(taskId, user.username());
            produce(tasks.stepTask(taskId).orElseThrow(), LocalDate.now(clock));
        });
        return tasks.stepTask(taskId).orElseThrow();
    }

    /** Steps waiting for a manager's approval. */
    public List<StepTask> awaitingApproval() {
        CurrentUser.require("see the approval queue", Role.MANAGER);
        return tasks.awaitingApproval(500);
    }

    /** What the step would send now, rendered (nothing stored). */
    public Preview preview(long taskId) {
        StepTask t = tasks.stepTask(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        DocumentKind kind = DocumentKind.forChannel(t.channel());
        if (kind != null) {
            return new Preview(t, null, null, letters.preview(t.customerCode(), kind, t.tone(), Locale.SIMPLIFIED_CHINESE));
        }
        TemplateData d = data.forCustomer(t.customerCode(), LocalDate.now(clock));
        TemplateChannel channel = OutboxChannel.of(t.channel()).templateChannel();
        return new Preview(t, recipient(t.channel(), d), templates.render(t.template(), channel, Locale.SIMPLIFIED_CHINESE, tone(t), d), null);
    }

    /**
     * Produces one task's message or letter in the current transaction. True when produced; false when the task is
     * left to the collector (no address, nothing overdue) or another node took it.
     */
    boolean produce(StepTask t, LocalDate asOf) {
        if (!tasks.claimDispatch(t.taskId(), null)) {
            return false;
        }
        TemplateData d = data.forCustomer(t.customerCode(), asOf);
        DocumentKind kind = DocumentKind.forChannel(t.channel());
        // a reminder before the due date speaks of what is open; letters demand what is overdue
        boolean nothingToSay = kind != null && kind.needsOverdue() ? d.invoices().isEmpty() : d.totals().open().signum() <= 0;
        if (nothingToSay) {
            tasks.noteDispatch(t.taskId(), kind != null ? "nothing-overdue" : "nothing-open");
            return false;
        }
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        if (kind != null) {
            Documents.Document doc = letters.issue(d, kind, t.tone(), locale, t.taskId());
            String note;
            String email = d.contact() == null ? null : d.contact().email();
            if (kind == DocumentKind.DEMAND_LETTER && email != null && !email.isBlank()) {
                RenderedMessage cover = templates.render(kind.template(), TemplateChannel.EMAIL, locale, tone(t), d.withDocumentNumber(doc.number()));
                long id = outbox.enqueue(new OutgoingMessage("task-" + t.taskId() + "-letter", OutboxChannel.EMAIL, t.customerId(), email,
                        cover.subject(), cover.text(), cover.html(), List.of(doc.id()), null, "system"));
                note = "letter-emailed|" + doc.number() + "|" + id;
            } else if (kind.draft()) {
                note = "draft|" + doc.number();
            } else {
                note = "letter|" + doc.number();
            }
            tasks.noteDispatch(t.taskId(), note);
            return true;
        }
        String to = recipient(t.channel(), d);
        if (to == null || to.isBlank()) {
            tasks.noteDispatch(t.taskId(), t.channel() == Channel.EMAIL ? "no-email" : "no-phone");
            return false;
        }
        OutboxChannel channel = OutboxChannel.of(t.channel());
        RenderedMessage m = templates.render(t.template(), channel.templateChannel(), locale,
                tone(t), d);
        long id = outbox.enqueue(new OutgoingMessage("task-" + t.taskId(), channel, t.customerId(), to, m.subject(), m.text(),
                channel == OutboxChannel.EMAIL ? m.html() : null, List.of(), t.taskId(), "system"));
        if (channel != OutboxChannel.EMAIL) {
            // a text message reaches a person's phone: never outside the contact hours
            outbox.holdUntil(id, conduct.nextContactTime(Instant.now(clock)));
        }
        tasks.noteDispatch(t.taskId(), "queued|" + id);
        return true;
    }

    private static Tone tone(StepTask t) {
        return t.tone() == null ? Tone.GENTLE : t.tone();
    }

    private static String recipient(Channel channel, TemplateData d) {
        if (d.contact() == null) {
            return null;
        }
        return channel == Channel.EMAIL ? d.contact().email() : d.contact().phone();
    }
}
