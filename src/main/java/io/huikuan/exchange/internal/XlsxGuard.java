package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportLimits;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks an XLSX file before it is parsed: every part of the ZIP (duplicates included, read with the
 * same ZIP library as the reader) is unpacked once through a counting stream and its XML scanned, and
 * the file is refused as soon as it goes over a limit of {@link ImportLimits}: the total unpacked size,
 * a part's unpacked/compressed ratio, the shared-strings size, the characters of a cell, the rows of
 * a sheet. The sizes the ZIP declares are never trusted; nothing is kept in memory but counters.
 */
final class XlsxGuard {

    /** More parts than any workbook has (a few dozen is usual). */
    static final int MAX_ENTRIES = 10_000;
    /** Parts smaller than this are not checked for their ratio (tiny XML compresses very well). */
    private static final long RATIO_FLOOR = 1024 * 1024;

    private XlsxGuard() {
    }

    /** A file over a limit: the message says which, and how to raise it. */
    static BadFileException refused(String what, String property, long limit) {
        String value = property == null ? "" : "huikuan.imports." + property + "=" + limit;
        return new BadFileException(0, "file", value, "the file is refused: " + what
                + (property == null ? "" : " (limit " + value + ")") + "; nothing was imported");
    }

    static void check(File file, ImportLimits limits) {
        try (ZipFile zip = ZipFile.builder().setFile(file).get()) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                entries.add(e);
                if (entries.size() > MAX_ENTRIES) {
                    throw refused("it has more than " + MAX_ENTRIES + " parts", null, 0);
                }
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipArchiveEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(e)) {
                    throw refused(e.getName() + " is encrypted or compressed with an unsupported method", null, 0);
                }
                // the reader cannot take more compressed bytes than the file has, whatever the ZIP declares
                long compressed = Math.max(1, Math.min(e.getCompressedSize() < 0 ? file.length() : e.getCompressedSize(), file.length()));
                XmlPartScanner scanner = new XmlPartScanner(e.getName(), limits);
                long unpacked = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        unpacked += n;
                        total += n;
                        if (total > limits.maxUncompressed().toBytes()) {
                            throw refused("it unpacks to more than " + limits.maxUncompressed().toMegabytes() + " MB", "max-uncompressed",
                                    limits.maxUncompressed().toBytes());
                        }
                        if (unpacked > RATIO_FLOOR && unpacked / compressed > limits.maxRatio()) {
                            throw refused(e.getName() + " unpacks to more than " + limits.maxRatio() + " times its compressed size "
                                    + "(a ZIP bomb)", "max-ratio", limits.maxRatio());
                        }
                        scanner.feed(buffer, 0, n);
                        if ("sst".equals(scanner.root()) && unpacked > limits.maxSharedStrings().toBytes()) {
                            throw refused("its shared strings (" + e.getName() + ") unpack to more than "
                                    + limits.maxSharedStrings().toMegabytes() + " MB", "max-shared-strings", limits.maxSharedStrings().toBytes());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadFileException b) {
                throw b;
            }
            throw new BadFileException("the file is not a readable XLSX spreadsheet (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); save it as .xlsx or .csv");
        }
    }
}
