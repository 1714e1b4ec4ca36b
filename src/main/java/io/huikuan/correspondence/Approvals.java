package io.huikuan.correspondence;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.StepTask;
import io.huikuan.worklist.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The manager's approval round over the strategy steps whose message or letter waits for approval: what each would
 * send (rendered, to whom, for which invoices), approve as it is or with the manager's own wording, reject with a
 * reason (the task is cancelled, the reason kept on it), approve several at once. Managers and administrators only.
 */
@Service
public class Approvals {

    /** The longest reason for a rejection. */
    public static final int MAX_REASON = 200;

    /**
     * One step as the approval page shows it: the task, the recipient (address or phone; the contact's name for a
     * letter), the rendered message (null for a letter, shown as a PDF), the customer's data (invoices, contact),
     * and whether it still waits for approval.
     */
    public record View(StepTask task, String recipient, RenderedMessage message, TemplateData data, boolean letter, boolean waiting) {
    }

    /** What approving several steps did: each approved step (its dispatch note says what became of it) and how many were skipped. */
    public record Round(List<StepTask> approved, int skipped) {
    }

    private final StepDispatcher dispatcher;
    private final Tasks tasks;
    private final Outbox outbox;

    Approvals(StepDispatcher dispatcher, Tasks tasks, Outbox outbox) {
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.outbox = outbox;
    }

    /** The steps waiting for approval, oldest due first. */
    public List<StepTask> waiting() {
        return dispatcher.awaitingApproval();
    }

    /** A step's message or letter as it would be sent now (404 when the task is no step that writes to the customer). */
    public View view(long taskId) {
        CurrentUser.require("see the approval queue", Role.MANAGER);
        StepTask t = step(taskId);
        if (DocumentKind.forChannel(t.channel()) != null) {
            TemplateData d = dispatcher.data(t);
            return new View(t, d.contact() == null ? null : d.contact().name(), null, d, true, t.awaitingApproval());
        }
        StepDispatcher.Preview p = dispatcher.preview(taskId);
        return new View(t, p.recipient(), p.message(), p.data(), false, t.awaitingApproval());
    }

    /** The letter a letter step would issue now, as PDF (without a number: it is numbered when issued). */
    public byte[] letterPdf(long taskId) {
        CurrentUser.require("see the approval queue", Role.MANAGER);
        StepTask t = step(taskId);
        if (DocumentKind.forChannel(t.channel()) == null) {
            throw new NotFoundException("letter of task", String.valueOf(taskId));
        }
        return dispatcher.preview(taskId).letter().pdf();
    }

    /**
     * Approves the step, an e-mail or text message with the manager's wording when {@code edit} is given and differs from
     * what the template renders now; produced at once (see {@link StepDispatcher#approve(long, MessageEdit)}).
     */
    public StepTask approve(long taskId, MessageEdit edit) {
        CurrentUser.require("approve messages and letters", Role.MANAGER);
        MessageEdit wording = edit;
        if (edit != null) {
            edit.precheck();
            StepTask t = step(taskId);
            MessageEdit checked = edit.checked(t.channel());
            RenderedMessage now = DocumentKind.forChannel(t.channel()) == null && t.awaitingApproval() ? dispatcher.preview(taskId).message() : null;
            boolean unchanged = now != null && checked.text().equals(now.text() == null ? null : now.text().strip())
                    && (checked.subject() == null || checked.subject().equals(now.subject() == null ? null : now.subject().strip()));
            wording = unchanged ? null : checked;
        }
        return dispatcher.approve(taskId, wording);
    }

    /** Rejects the step: nothing is sent, the task is cancelled with who and why; the reason is required (at most 200 characters). */
    public StepTask reject(long taskId, String reason) {
        CurrentUser user = CurrentUser.require("reject messages and letters", Role.MANAGER);
        String why = reason == null ? "" : reason.strip();
        List<FieldError> errors = new ArrayList<>();
        if (why.isEmpty()) {
            errors.add(FieldError.coded("reason", reason, "approvals.reasonRequired", "is required: say why the message is not sent"));
        } else {
            InputRules.textRule("reason", why).ifPresent(errors::add);
            InputRules.length(errors, "reason", why, MAX_REASON);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        StepTask t = step(taskId);
        String note = "rejected|" + user.username() + "|" + why.replace('|', '/').replaceAll("\\R", " ");
        if (!t.awaitingApproval() || !tasks.reject(taskId, user.username(), note)) {
            throw ValidationException.coded("taskId", taskId, "dispatch.notAwaiting", "task " + taskId + " is not waiting for approval");
        }
        return step(taskId);
    }

    /** Approves each of the steps still waiting (as they are); the others (approved or rejected meanwhile, unknown) are skipped. */
    public Round approveAll(List<Long> taskIds) {
        CurrentUser.require("approve messages and letters", Role.MANAGER);
        List<StepTask> approved = new ArrayList<>();
        int skipped = 0;
        for (Long id : taskIds == null ? List.<Long>of() : taskIds.stream().filter(java.util.Objects::nonNull).distinct().toList()) {
            try {
                approved.add(dispatcher.approve(id, null));
            } catch (ValidationException | NotFoundException e) {
                skipped++;
            }
        }
        return new Round(approved, skipped);
    }

    /** The outbox channels that cannot send now (their messages wait in the queue). */
    public Map<OutboxChannel, String> notConfigured() {
        return outbox.notConfigured();
    }

    private StepTask step(long taskId) {
        return tasks.stepTask(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
    }
}
