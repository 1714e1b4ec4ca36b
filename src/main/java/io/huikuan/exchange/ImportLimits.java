package io.huikuan.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded file may expand to ({@code huikuan.imports.*}). An XLSX file is a ZIP of XML
 * parts: a 1 MB upload can unpack to gigabytes. Before a spreadsheet is parsed its parts are
 * streamed once and counted (never trusting the sizes the ZIP declares); a file over a limit is
 * refused with a message naming the limit, so one upload can never exhaust the server's memory.
 *
 * @param maxRows rows per sheet (or CSV records); Excel's own limit, 1,048,576, by default
 * @param maxCellChars characters in one cell (or CSV field); Excel's own limit, 32,767, by default
 * @param maxUncompressed all parts of an XLSX file together, unpacked (512 MB: room for a full-height
 *        sheet of a dozen columns)
 * @param maxRatio how many times larger than its compressed size any part may unpack (XML compresses
 *        10-30 times; a bomb thousands of times)
 * @param maxSharedStrings the shared-strings part, unpacked (it is held in memory while reading)
 */
@ConfigurationProperties("huikuan.imports")
public record ImportLimits(@DefaultValue("1048576") long maxRows, @DefaultValue("32767") int maxCellChars,
        @DefaultValue("512MB") DataSize maxUncompressed, @DefaultValue("100") int maxRatio,
        @DefaultValue("100MB") DataSize maxSharedStrings) {

    /** The defaults, for code that runs without the Spring context (tests, tools). */
    public static final ImportLimits DEFAULTS = new ImportLimits(1_048_576, 32_767, DataSize.ofMegabytes(512), 100,
            DataSize.ofMegabytes(100));
}
