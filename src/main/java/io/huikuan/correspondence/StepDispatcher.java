package io.huikuan.correspondence;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.ConductRules;
import io.huikuan.worklist.DispatchClaims;
import io.huikuan.worklist.StepTask;
import io.huikuan.worklist.Tasks;
import io.huikuan.worklist.Tone;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the strategy steps that write to the customer into real messages and letters: an e-mail or SMS step
 * queues its message in the outbox, a chat step its chat message, a letter step issues its letter (a demand
 * letter is also e-mailed as an attachment when the contact has an address). A step marked for approval waits
 * until a manager approves it. When the contact lacks an address or nothing is overdue any more, the task stays
 * open for the collector with a note saying why.
 *
 * <p>Several nodes share the work without waiting on each other: a pass claims small batches of due tasks
 * ({@link DispatchClaims}: {@code FOR UPDATE SKIP LOCKED}, the claim committed at once), its workers render each
 * message or letter holding no row lock, and store it in one short transaction with the task's completion, which only
 * the claim's holder can make: so each task is produced once, even by two nodes at the same moment. The workers are
 * few (at most a third of the connection pool, see {@link DispatchProperties}), shared by every pass on this node, and
 * run as the system, whoever asked for the pass.
 */
@Service
public class StepDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepDispatcher.class);

    /** The result of a dispatch pass. */
    public record Result(int produced, int leftToCollector, int failed) {
    }

    /** What a step would send: the rendered message (e-mail, SMS, chat) or letter, and the customer's data it was rendered from. */
    public record Preview(StepTask task, String recipient, RenderedMessage message, Letters.Draft letter, TemplateData data) {
    }

    private final Tasks tasks;
    private final DispatchClaims claims;
    private final TemplateDataBuilder data;
    private final Templates templates;
    private final Letters letters;
    private final Outbox outbox;
    private final StepMessageEdits edits;
    private final ConductRules conduct;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DispatchProperties settings;
    private final int threads;
    private final ExecutorService workers;
    private final String claimant = "dispatch/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID().toString().substring(0, 8);

    StepDispatcher(Tasks tasks, DispatchClaims claims, TemplateDataBuilder data, Templates templates, Letters letters, Outbox outbox,
            StepMessageEdits edits, ConductRules conduct, PlatformTransactionManager transactions, Clock clock, DispatchProperties settings, DataSource dataSource) {
        this.tasks = tasks;
        this.claims = claims;
        this.data = data;
        this.templates = templates;
        this.letters = letters;
        this.outbox = outbox;
        this.edits = edits;
        this.conduct = conduct;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.settings = settings;
        int pool = DispatchProperties.poolSize(dataSource);
        this.threads = settings.workers(pool);
        AtomicInteger n = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "step-dispatch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        log.info("step dispatch: {} worker(s) (connection pool {}), claims of {} tasks for {}", threads, pool > 0 ? pool : "unknown",
                settings.dispatchBatch(), settings.dispatchLease());
    }

    /** The number of workers producing messages and letters on this node. */
    public int workers() {
        return threads;
    }

    /** This node's name on the tasks it claims. */
    String claimant() {
        return claimant;
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Produces every due step's message or letter (as the daily run's follow-up, the schedule, or a manager's request). */
    public Result dispatchDue(LocalDate asOf) {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger left = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        while (true) {
            List<StepTask> batch = CurrentUser.asSystem(() -> claims.claim(asOf, claimant, settings.dispatchBatch(), settings.dispatchLease()));
            if (batch.isEmpty()) {
                break;
            }
            List<Future<?>> running = new ArrayList<>();
            for (StepTask t : batch) {
                Runnable one = CurrentUser.systemTask(() -> {
                    switch (produceOne(t, asOf)) {
                        case 1 -> produced.incrementAndGet();
                        case 0 -> left.incrementAndGet();
                        case -1 -> failed.incrementAndGet();
                        default -> {
                            // another node took it after this node's claim ran out
                        }
                    }
                });
                if (workers == null) {
                    one.run();
                } else {
                    running.add(workers.submit(one));
                }
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(produced.get(), left.get(), failed.get());
                } catch (ExecutionException e) {
                    failed.incrementAndGet();
                }
            }
        }
        return new Result(produced.get(), left.get(), failed.get());
    }

    /** One claimed task in its own transaction: 1 produced, 0 left to the collector, -1 failed (noted on the task), -2 no longer ours. */
    private int produceOne(StepTask t, LocalDate asOf) {
        try {
            Boolean done = tx.execute(s -> {
                Boolean r = produce(t, asOf);
                if (r == null) {
                    s.setRollbackOnly();
                }
                return r;
            });
            return done == null ? -2 : done ? 1 : 0;
        } catch (ClaimLost e) {
            return -2;
        } catch (RuntimeException e) {
            log.warn("the {} of task {} ({}) could not be produced: {}", t.channel(), t.taskId(), t.customerCode(), e.toString());
            return claims.fail(t.taskId(), claimant, e.getMessage()) ? -1 : -2;
        }
    }

    /** A manager approves a step's message or letter; it is produced at once. */
    public StepTask approve(long taskId) {
        return approve(taskId, null);
    }

    /**
     * A manager approves a step's message or letter, an e-mail or text message with {@code edit}'s wording instead of the
     * template's when given (kept until it is produced, whichever node produces it); it is produced at once.
     */
    public StepTask approve(long taskId, MessageEdit edit) {
        CurrentUser user = CurrentUser.require("approve messages and letters", Role.MANAGER);
        StepTask t = tasks.stepTask(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        if (!t.awaitingApproval()) {
            throw ValidationException.coded("taskId", taskId, "dispatch.notAwaiting", "task " + taskId + " is not waiting for approval");
        }
        MessageEdit wording = edit == null ? null : edit.checked(t.channel());
        Boolean recorded = tx.execute(s -> {
            if (!tasks.approve(taskId, user.username())) {
                return false;
            }
            if (wording != null) {
                edits.save(taskId, wording, user.username());
            }
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            throw ValidationException.coded("taskId", taskId, "dispatch.notAwaiting", "task " + taskId + " is not waiting for approval");
        }
        // produced as the system, like every step (the approval names the manager)
        if (claims.claimOne(taskId, claimant, settings.dispatchLease())) {
            StepTask approved = tasks.stepTask(taskId).orElseThrow();
            if (CurrentUser.asSystem(() -> produceOne(approved, LocalDate.now(clock))) == 0) {
                log.info("approved task {} left to the collector: {}", taskId, tasks.stepTask(taskId).map(StepTask::dispatchNote).orElse(""));
            }
        }
        return tasks.stepTask(taskId).orElseThrow();
    }

    /** Steps waiting for a manager's approval. */
    public List<StepTask> awaitingApproval() {
        CurrentUser.require("see the approval queue", Role.MANAGER);
        return tasks.awaitingApproval(500);
    }

    /** What the step would send now, rendered (nothing stored but the customer's portal link when the text carries one). */
    @Transactional
    public Preview preview(long taskId) {
        StepTask t = tasks.stepTask(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        DocumentKind kind = DocumentKind.forChannel(t.channel());
        if (kind != null) {
            Letters.Draft letter = letters.preview(t.customerCode(), kind, t.tone(), Locale.SIMPLIFIED_CHINESE);
            return new Preview(t, null, null, letter, letter.data());
        }
        TemplateData d = data.forCustomer(t.customerCode(), LocalDate.now(clock));
        TemplateChannel channel = OutboxChannel.of(t.channel()).templateChannel();
        return new Preview(t, recipient(t.channel(), d), templates.render(t.template(), channel, Locale.SIMPLIFIED_CHINESE, tone(t), d), null, d);
    }

    /** The customer's data a step's message or letter would be rendered from now, without rendering it. */
    public TemplateData data(StepTask t) {
        return data.forCustomer(t.customerCode(), LocalDate.now(clock));
    }

    /**
     * Produces one claimed task's message or letter in the current transaction. True when produced; false when the
     * task is left to the collector (no address, nothing overdue); null when the claim no longer holds (another node
     * took the task): then nothing is stored. The task's row is locked only after rendering, by {@link #finish}.
     */
    Boolean produce(StepTask t, LocalDate asOf) {
        TemplateData d = data.forCustomer(t.customerCode(), asOf);
        DocumentKind kind = DocumentKind.forChannel(t.channel());
        // a reminder before the due date speaks of what is open; letters demand what is overdue
        boolean nothingToSay = kind != null && kind.needsOverdue() ? d.invoices().isEmpty() : d.totals().open().signum() <= 0;
        if (nothingToSay) {
            return finish(t, kind != null ? "nothing-overdue" : "nothing-open") ? false : null;
        }
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        if (kind != null) {
            boolean[] ours = {false};
            Documents.Document doc = letters.issue(d, kind, t.tone(), locale, t.taskId(), () -> {
                ours[0] = finish(t, "producing");
                if (!ours[0]) {
                    throw new ClaimLost();
                }
            });
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
            return finish(t, t.channel() == Channel.EMAIL ? "no-email" : "no-phone") ? false : null;
        }
        OutboxChannel channel = OutboxChannel.of(t.channel());
        MessageEdit edit = t.approval() ? edits.find(t.taskId()).orElse(null) : null;
        RenderedMessage rendered = templates.render(t.template(), channel.templateChannel(), locale, tone(t), d);
        RenderedMessage m = edit == null ? rendered : edit.applyTo(rendered, channel);
        if (!finish(t, "producing")) {
            return null;
        }
        long id = outbox.enqueue(new OutgoingMessage("task-" + t.taskId(), channel, t.customerId(), to, m.subject(), m.text(),
                channel == OutboxChannel.EMAIL ? m.html() : null, List.of(), t.taskId(), "system"));
        if (channel != OutboxChannel.EMAIL) {
            // a text message reaches a person's phone: never outside the contact hours
            outbox.holdUntil(id, conduct.nextContactTime(Instant.now(clock)));
        }
        tasks.noteDispatch(t.taskId(), "queued|" + id);
        return true;
    }

    /** Marks the task produced while this node's claim holds (locking its row until the transaction ends). */
    private boolean finish(StepTask t, String note) {
        return claims.complete(t.taskId(), claimant, note);
    }

    /** The claim was lost while the letter was rendered: the transaction rolls back, nothing is stored. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super("claim lost", null, false, false);
        }
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
