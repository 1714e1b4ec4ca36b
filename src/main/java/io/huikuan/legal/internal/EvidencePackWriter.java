package io.huikuan.legal.internal;

import io.huikuan.common.ConflictException;
import io.huikuan.correspondence.Documents;
import io.huikuan.correspondence.SentMessages;
import io.huikuan.customer.CustomerRef;
import io.huikuan.legal.AttachmentCategory;
import io.huikuan.legal.Attachments;
import io.huikuan.legal.LimitationEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an evidence pack as a ZIP, streamed file by file: the uploaded documents by folder, the invoice ledger extract,
 * issued statements and letters, delivered messages with their delivery evidence, the activity log, the payments, the
 * limitation timeline, and last {@code 01-index.pdf} listing every file with its folder, name, date, SHA-256 (of the
 * bytes written) and what it proves. A stored file that fails its SHA-256 check is left out and the index says so.
 */
@Component
public class EvidencePackWriter {

    /** The folders every pack has, empty or not. */
    public static final List<String> FOLDERS = List.of("02-contracts", "03-invoices", "04-delivery", "05-statements", "06-demands", "10-other");

    /** A file of the pack as the index lists it. */
    public record Entry(String folder, String name, LocalDate date, String sha256, long size, String proves, String note) {

        public String path() {
            return folder.isEmpty() ? name : folder + "/" + name;
        }
    }

    /** The folder of the documents uploaded for a legal case (ownerKind CASE) in that case's pack. */
    public static final String CASE_FOLDER = "11-case";

    /** What a pack covers; {@code legalCase} the case whose pack it is (null: the customer's pack). */
    public record Scope(CustomerRef customer, Set<String> invoiceNos, LocalDate asOf, Locale locale, CaseFacts legalCase) {

        public Scope(CustomerRef customer, Set<String> invoiceNos, LocalDate asOf, Locale locale) {
            this(customer, invoiceNos, asOf, locale, null);
        }
    }

    /** The case a pack is for, as its index names it: id, kind, court, case number and the claim. */
    public record CaseFacts(long id, String kind, String court, String caseNo, java.math.BigDecimal principal, java.math.BigDecimal interest,
            java.math.BigDecimal penalty, java.math.BigDecimal costs, java.math.BigDecimal claimTotal) {
    }

    private final Attachments attachments;
    private final Documents documents;
    private final SentMessages messages;
    private final LimitationEvents events;
    private final EvidencePackQueries queries;
    private final EvidenceIndex index;
    private final ObjectProvider<InvoiceClockSource> clocks;
    private final MessageSource bundle;
    private final Clock clock;

    EvidencePackWriter(Attachments attachments, Documents documents, SentMessages messages, LimitationEvents events, EvidencePackQueries queries,
            EvidenceIndex index, ObjectProvider<InvoiceClockSource> clocks, MessageSource bundle, Clock clock) {
        this.attachments = attachments;
        this.documents = documents;
        this.messages = messages;
        this.events = events;
        this.queries = queries;
        this.index = index;
        this.clocks = clocks;
        this.bundle = bundle;
        this.clock = clock;
    }

    /** Writes the pack of {@code scope} as a ZIP to {@code out} (flushed, not closed). */
    public void write(Scope scope, OutputStream out) throws IOException {
        ZoneId zone = clock.getZone();
        Instant until = scope.asOf().plusDays(1).atStartOfDay(zone).toInstant();
        EvidenceSheets sheets = new EvidenceSheets(k -> label(k, scope.locale()), zone);
        // closing the ZIP releases its compressor; the caller's stream stays open (only flushed)
        try (ZipOutputStream zip = new ZipOutputStream(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        })) {
            write(scope, zip, sheets, zone, until);
        }
    }

    private void write(Scope scope, ZipOutputStream zip, EvidenceSheets sheets, ZoneId zone, Instant until) throws IOException {
        Locale locale = scope.locale();
        String code = scope.customer().code();
        LocalDate asOf = scope.asOf();
        Pack pack = new Pack(zip);
        for (String folder : FOLDERS) {
            pack.put(folder + "/", null);
        }
        if (scope.legalCase() != null) {
            pack.put(CASE_FOLDER + "/", null);
        }

        for (Attachments.Attachment a : uploaded(scope)) {
            boolean ofCase = scope.legalCase() != null && ownedBy(a, scope.legalCase().id());
            String folder = ofCase ? CASE_FOLDER : a.category().folder();
            String proves = (ofCase ? label("proves.case", locale) + ("en".equals(locale.getLanguage()) ? ": " : "：") : "") + label("proves." + a.category().name(), locale)
                    + (a.description() == null ? "" : " — " + a.description())
                    + (a.invoiceNos().isEmpty() ? "" : " (" + String.join(", ", a.invoiceNos()) + ")");
            try {
                byte[] bytes = attachments.content(a.id()).bytes();
                pack.add(folder, a.documentDate() + "_" + a.fileName(), a.documentDate(), bytes, proves, null);
            } catch (ConflictException e) {
                pack.skip(folder, a.documentDate() + "_" + a.fileName(), a.documentDate(), a.sha256(), a.size(), proves, label("tampered", locale));
            }
        }

        List<EvidencePackQueries.InvoiceRow> invoices = queries.invoices(scope.customer().id(), asOf, scope.invoiceNos());
        pack.add("03-invoices", "invoices.xlsx", asOf, sheets.invoices(invoices), label("proves.ledger", locale), null);

        for (Documents.Document d : documents.forCustomer(code)) {
            if (d.draft() || !d.createdAt().isBefore(until)) {
                continue;
            }
            boolean statement = "STATEMENT".equals(d.kind()) || "BALANCE_CONFIRMATION".equals(d.kind());
            byte[] bytes = documents.content(d.id()).bytes();
            String sha = AttachmentStore.sha256(bytes);
            pack.add(statement ? "05-statements" : "06-demands", d.number() + ".pdf", LocalDate.ofInstant(d.createdAt(), zone), bytes,
                    label("proves.document." + d.kind(), locale) + " — " + d.title(),
                    sha.equals(d.sha256()) ? null : label("shaDiffers", locale) + " " + d.sha256());
        }
        for (SentMessages.Sent m : messages.delivered(code, until)) {
            String proves = label("proves.message", locale) + ": " + m.recipient() + ", " + m.acceptedAt()
                    + (m.providerId() == null ? "" : ", " + m.providerId());
            pack.add("06-demands", EvidenceMessages.fileName(m), LocalDate.ofInstant(m.acceptedAt(), zone), EvidenceMessages.file(m, zone), proves,
                    null);
        }

        pack.add("", "07-activities.xlsx", asOf, sheets.activities(queries.activities(scope.customer().id(), until)),
                label("proves.activities", locale), null);
        pack.add("", "08-payments.xlsx", asOf, sheets.payments(queries.payments(scope.customer().id(), asOf, scope.invoiceNos())),
                label("proves.payments", locale), null);
        List<LimitationEvents.Event> timeline = events.timeline(code, asOf).stream()
                .filter(e -> scope.invoiceNos().isEmpty() || e.invoiceNos().isEmpty() || e.invoiceNos().stream().anyMatch(scope.invoiceNos()::contains))
                .toList();
        InvoiceClockSource clockSource = clocks.getIfAvailable();
        List<InvoiceClockSource.InvoiceClock> invoiceClocks = clockSource == null ? null : clockSource.clocks(code, scope.invoiceNos(), asOf);
        pack.add("", "09-limitation.xlsx", asOf, sheets.limitation(timeline, invoiceClocks),
                label(invoiceClocks == null ? "proves.limitation" : "proves.limitationClock", locale), null);

        byte[] pdf = index.render(scope, invoices, timeline, pack.entries, invoiceClocks != null);
        pack.put("01-index.pdf", pdf);
    }

    /**
     * The uploaded documents of the pack: the customer's dated on or before asOf about the pack's invoices (or none in
     * particular); in a case's pack also every document uploaded for the case (whatever invoices it names), and none
     * uploaded for another case.
     */
    private List<Attachments.Attachment> uploaded(Scope scope) {
        String code = scope.customer().code();
        List<Attachments.Attachment> out = new ArrayList<>(attachments.forCustomer(code, scope.asOf(), scope.invoiceNos()));
        if (scope.legalCase() != null) {
            long id = scope.legalCase().id();
            out.removeIf(a -> "CASE".equals(a.ownerKind()) && !ownedBy(a, id));
            Set<Long> in = new HashSet<>(out.stream().map(Attachments.Attachment::id).toList());
            attachments.forCustomer(code, scope.asOf(), Set.of()).stream().filter(a -> ownedBy(a, id) && !in.contains(a.id())).forEach(out::add);
        }
        out.sort(Comparator.comparing((Attachments.Attachment a) -> a.category().folder()).thenComparing(Attachments.Attachment::documentDate)
                .thenComparing(Attachments.Attachment::id));
        return out;
    }

    private static boolean ownedBy(Attachments.Attachment a, long caseId) {
        return "CASE".equals(a.ownerKind()) && String.valueOf(caseId).equals(a.ownerId());
    }

    private String label(String key, Locale locale) {
        return bundle.getMessage("pdf.evidence." + key, null, key, locale);
    }

    /** The ZIP being written and the index of what went in. */
    private static final class Pack {

        final ZipOutputStream zip;
        final List<Entry> entries = new ArrayList<>();
        final Set<String> names = new HashSet<>();

        Pack(ZipOutputStream zip) {
            this.zip = zip;
        }

        void add(String folder, String name, LocalDate date, byte[] bytes, String proves, String note) throws IOException {
            String unique = unique(folder, name);
            put(folder.isEmpty() ? unique : folder + "/" + unique, bytes);
            entries.add(new Entry(folder, unique, date, AttachmentStore.sha256(bytes), bytes.length, proves, note));
        }

        void skip(String folder, String name, LocalDate date, String sha256, long size, String proves, String note) {
            entries.add(new Entry(folder, name, date, sha256, size, proves, note));
        }

        void put(String path, byte[] bytes) throws IOException {
            zip.putNextEntry(new ZipEntry(path));
            if (bytes != null) {
                zip.write(bytes);
            }
            zip.closeEntry();
        }

        /** The name, with " (2)", " (3)" ... before the extension when the folder already holds it. */
        private String unique(String folder, String name) {
            String candidate = name;
            int dot = name.lastIndexOf('.');
            for (int n = 2; !names.add(folder + "/" + candidate); n++) {
                candidate = dot < 0 ? name + " (" + n + ")" : name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
            }
            return candidate;
        }
    }
}
