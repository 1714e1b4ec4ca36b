package io.huikuan.exchange.internal;

/** One data row of a file, numbered as a spreadsheet user sees it (the header is row 1). */
public record SourceRow(long row, String[] cells) {

    public String cell(int index) {
        return index < 0 || index >= cells.length ? null : cells[index];
    }

    public boolean blank() {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
