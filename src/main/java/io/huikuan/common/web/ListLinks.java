package io.huikuan.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a list page that keep its filters: sort by a column (toggling the direction), go to
 * a page, or export the same selection ({@code /exports/customers?format=xlsx&...}).
 */
public final class ListLinks {

    private final String path;
    private final Map<String, String> filters = new LinkedHashMap<>();
    private final String sort;
    private final boolean desc;

    public ListLinks(String path, String sort, boolean desc) {
        this.path = path;
        this.sort = sort;
        this.desc = desc;
    }

    /** Adds a filter; blank values are left out of the links. */
    public ListLinks filter(String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank() && !Boolean.FALSE.equals(value)) {
            filters.put(name, String.valueOf(value).trim());
        }
        return this;
    }

    /** The link that sorts by {@code column}: ascending first, then toggling. */
    public String sort(String column) {
        boolean nextDesc = column.equals(sort) && !desc;
        return build(path, column, nextDesc, null);
    }

    /** "asc", "desc" or "" for the column header's arrow. */
    public String direction(String column) {
        return column.equals(sort) ? (desc ? "desc" : "asc") : "";
    }

    public String page(int page) {
        return build(path, sort, desc, page);
    }

    /** The export of the same selection, e.g. {@code export("/exports/customers", "xlsx")}. */
    public String export(String exportPath, String format) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(exportPath).queryParam("format", format);
        filters.forEach(b::queryParam);
        if (sort != null && !sort.isBlank()) {
            b.queryParam("sort", sort).queryParam("desc", desc);
        }
        return b.encode().build().toUriString();
    }

    /** Whether any filter is set (for a "clear filters" link). */
    public boolean filtered() {
        return !filters.isEmpty();
    }

    private String build(String base, String sortBy, boolean descending, Integer page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        filters.forEach(b::queryParam);
        if (sortBy != null && !sortBy.isBlank()) {
            b.queryParam("sort", sortBy);
            if (descending) {
                b.queryParam("desc", true);
            }
        }
        if (page != null && page > 0) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
