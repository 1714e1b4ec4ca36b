package io.huikuan.insight;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The prediction for one invoice open at a date: the probability (0–1) that it is paid after its due date and the day it
 * is expected to be paid, with the model that answered each ({@code xgboost}, or the baseline {@code customer-average}
 * or {@code due-date} where the trees did not beat both).
 */
public record InvoicePrediction(String invoiceNo, String customerCode, String currency, BigDecimal openAmount, LocalDate dueDate,
        double probabilityLate, LocalDate predictedPayDate, String model, String payDateModel) {
}
