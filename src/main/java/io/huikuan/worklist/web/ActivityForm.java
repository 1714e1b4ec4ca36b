package io.huikuan.worklist.web;

import io.huikuan.common.web.FormErrors;
import io.huikuan.worklist.NewActivity;
import java.math.BigDecimal;

/** The log-activity form as typed; {@code back} is where to return after saving. */
record ActivityForm(String taskId, String contactId, String channel, String occurredAt, String appointmentAt, String outcome, String excuse,
        String notes, String nextFollowUp, String promiseAmount, String promiseDate, String overrideReason, String followUpChannel,
        String back, String direction, String script) {

    static ActivityForm empty(Long taskId, String channel) {
        return new ActivityForm(taskId == null ? "" : String.valueOf(taskId), "", channel == null ? "PHONE" : channel, "", "", "", "", "", "",
                "", "", "", "", "", "OUTBOUND", "");
    }

    /** The same form with a contact chosen (none: as it is). */
    ActivityForm withContact(Long id) {
        return id == null ? this : new ActivityForm(taskId, String.valueOf(id), channel, occurredAt, appointmentAt, outcome, excuse, notes,
                nextFollowUp, promiseAmount, promiseDate, overrideReason, followUpChannel, back, direction, script);
    }

    /** The draft the service parses; amounts and ids parsed here, their errors added to {@code errors}. */
    NewActivity.Draft draft(String customerCode, FormErrors errors) {
        BigDecimal amount = errors.amount("promiseAmount", promiseAmount, false);
        return new NewActivity.Draft(customerCode, id(contactId, "contactId", errors), id(taskId, "taskId", errors), channel, occurredAt,
                appointmentAt, outcome, excuse, notes, nextFollowUp, amount, promiseDate, overrideReason, followUpChannel, direction, script);
    }

    private static Long id(String raw, String field, FormErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            errors.addCode(field, "error.choice");
            return null;
        }
    }
}
