package io.huikuan.common;

import java.util.List;

/** A page of a list: the API answers {@code {"items":[...],"total":n}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static int clampSize(Integer size) {
        if (size == null || size <= 0) {
            return 50;
        }
        return Math.min(size, 1000);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** A page after the last one was asked for (e.g. page 100,000 of 9): the list pages show the last page instead. */
    public boolean beyondEnd() {
        return page > 0 && total > 0 && page >= pages();
    }

    /** The index (from 0) of the last page, 0 when there are no rows. */
    public int lastPage() {
        return Math.max(pages() - 1, 0);
    }
}
