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
}
