package io.huikuan.demo;

import io.huikuan.demo.Portfolio.GeneratedCustomer;
import io.huikuan.demo.Portfolio.GeneratedInvoice;
import io.huikuan.demo.Portfolio.GeneratedPayment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a generated portfolio as the three import files (customers.csv, invoices.csv, payments.csv,
 * UTF-8) with exactly the import columns. Contacts, contracts and credit notes have no import file
 * and are left out (so {@code contract_no} stays empty: the import accepts only known contracts); a payment names its invoice when the customer named one (otherwise the import
 * allocates it oldest due first, as the generator did).
 */
final class CsvFiles implements AutoCloseable {

    static final String[] CUSTOMER_COLUMNS = {"customer_code", "name", "region", "business_unit", "industry", "owner", "credit_limit",
            "credit_days", "grade"};
    static final String[] INVOICE_COLUMNS = {"invoice_no", "customer_code", "issue_date", "due_date", "amount", "currency", "contract_no",
            "tax_invoice_no", "business_unit"};
    static final String[] PAYMENT_COLUMNS = {"payment_ref", "customer_code", "payment_date", "amount", "method", "invoice_no"};

    private final CSVPrinter customers;
    private final CSVPrinter invoices;
    private final CSVPrinter payments;
    long customerRows;
    long invoiceRows;
    long paymentRows;

    CsvFiles(Path dir) {
        try {
            Files.createDirectories(dir);
            customers = printer(dir.resolve("customers.csv"), CUSTOMER_COLUMNS);
            invoices = printer(dir.resolve("invoices.csv"), INVOICE_COLUMNS);
            payments = printer(dir.resolve("payments.csv"), PAYMENT_COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV files into " + dir + ": " + e.getMessage(), e);
        }
    }

    void write(GeneratedCustomer c) {
        try {
            customers.printRecord(c.code(), c.name(), c.region(), c.businessUnit(), c.industry(), c.owner() == null ? "" : c.owner(),
                    LedgerTables.money(c.creditLimit()).toPlainString(), c.creditDays(), c.grade());
            customerRows++;
            for (GeneratedInvoice v : c.invoices()) {
                invoices.printRecord(v.invoiceNo(), c.code(), v.issueDate(), v.dueDate(), LedgerTables.money(v.amount()).toPlainString(), "CNY",
                        "", v.taxInvoiceNo(), v.businessUnit());
                invoiceRows++;
            }
            for (GeneratedPayment p : c.payments()) {
                payments.printRecord(p.paymentRef(), c.code(), p.paymentDate(), LedgerTables.money(p.amount()).toPlainString(), p.method(),
                        p.invoiceNo() == null ? "" : p.invoiceNo());
                paymentRows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (customers; invoices; payments) {
            // closes all three
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVPrinter printer(Path file, String[] header) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
    }
}
