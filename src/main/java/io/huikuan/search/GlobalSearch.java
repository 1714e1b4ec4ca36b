package io.huikuan.search;

import io.huikuan.common.SqlLike;
import io.huikuan.identity.CurrentUser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers, invoices, payments and documents by what a user types in the header: an exact
 * number or code, or its beginning (a customer also by the beginning of its name or its exact credit
 * code). Every lookup is an equality or a prefix on an indexed column (LIKE with the typed text
 * escaped, so {@code %} and {@code _} match themselves); a collector finds only their own portfolio.
 */
@Service
public class GlobalSearch {

    /** The most hits shown per kind (one more is fetched to tell that there are more). */
    public static final int PER_KIND = 20;
    /** The longest query looked up (no number or code is longer). */
    public static final int MAX_QUERY = 100;

    /** The hits per kind (kinds without hits left out), and the kinds that had more than {@link #PER_KIND}. */
    public record Result(String query, Map<SearchHit.Kind, List<SearchHit>> hits, List<SearchHit.Kind> truncated) {

        public int total() {
            return hits.values().stream().mapToInt(List::size).sum();
        }

        /** The single hit whose number or code is exactly the query (case aside), when it is the only hit. */
        public java.util.Optional<SearchHit> exactSingle() {
            if (total() != 1) {
                return java.util.Optional.empty();
            }
            SearchHit only = hits.values().iterator().next().getFirst();
            return only.key().equalsIgnoreCase(query) ? java.util.Optional.of(only) : java.util.Optional.empty();
        }
    }

    private final JdbcClient jdbc;

    GlobalSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Looks the query up as the current user; a blank query finds nothing. */
    @Transactional(readOnly = true)
    public Result find(String typed) {
        String q = normalise(typed);
        Map<SearchHit.Kind, List<SearchHit>> hits = new EnumMap<>(SearchHit.Kind.class);
        List<SearchHit.Kind> truncated = new ArrayList<>();
        if (q.isEmpty()) {
            return new Result(q, hits, truncated);
        }
        CurrentUser user = CurrentUser.get();
        String owner = user.portfolioOnly() ? user.username() : null;
        List<String> variants = q.equals(q.toUpperCase(Locale.ROOT)) ? List.of(q) : List.of(q, q.toUpperCase(Locale.ROOT));
        collect(hits, truncated, SearchHit.Kind.CUSTOMER, customers(q, variants, owner));
        collect(hits, truncated, SearchHit.Kind.INVOICE, byPrefix(INVOICES, "i.invoice_no", variants, owner, SearchHit.Kind.INVOICE));
        collect(hits, truncated, SearchHit.Kind.PAYMENT, byPrefix(PAYMENTS, "p.payment_ref", variants, owner, SearchHit.Kind.PAYMENT));
        collect(hits, truncated, SearchHit.Kind.DOCUMENT, byPrefix(DOCUMENTS, "d.doc_no", variants, owner, SearchHit.Kind.DOCUMENT));
        return new Result(q, hits, truncated);
    }

    /** Trimmed, control characters dropped, at most {@link #MAX_QUERY} characters. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String q = typed.replaceAll("\\p{Cntrl}", "").strip();
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    private static void collect(Map<SearchHit.Kind, List<SearchHit>> hits, List<SearchHit.Kind> truncated, SearchHit.Kind kind,
            List<SearchHit> found) {
        if (found.isEmpty()) {
            return;
        }
        if (found.size() > PER_KIND) {
            truncated.add(kind);
            found = found.subList(0, PER_KIND);
        }
        hits.put(kind, List.copyOf(found));
    }

    private static final String CUSTOMERS = "SELECT c.code, c.name FROM customer c WHERE ";
    private static final String INVOICES = """
            SELECT i.invoice_no, i.amount, i.currency, c.code, c.name FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE\s""";
    private static final String PAYMENTS = """
            SELECT p.payment_ref, p.amount, p.currency, c.code, c.name FROM payment p JOIN customer c ON c.id = p.customer_id WHERE\s""";
    private static final String DOCUMENTS = """
            SELECT d.doc_no, d.title, d.id, c.code, c.name FROM document d JOIN customer c ON c.id = d.customer_id WHERE\s""";

    /** By code (exact or prefix, as typed and in capitals), exact credit code, or the beginning of the name; codes first. */
    private List<SearchHit> customers(String q, List<String> variants, String owner) {
        Map<String, SearchHit> found = new LinkedHashMap<>();
        for (String v : variants) {
            query(CUSTOMERS, "c.code LIKE ?" + SqlLike.ESCAPE, SqlLike.startsWith(v), owner, "c.code", SearchHit.Kind.CUSTOMER, found);
        }
        for (String v : variants) {
            query(CUSTOMERS, "c.credit_code = ?", v, owner, "c.code", SearchHit.Kind.CUSTOMER, found);
        }
        query(CUSTOMERS, "c.name LIKE ?" + SqlLike.ESCAPE, SqlLike.startsWith(q), owner, "c.name", SearchHit.Kind.CUSTOMER, found);
        return new ArrayList<>(found.values());
    }

    private List<SearchHit> byPrefix(String select, String column, List<String> variants, String owner, SearchHit.Kind kind) {
        Map<String, SearchHit> found = new LinkedHashMap<>();
        for (String v : variants) {
            query(select, column + " LIKE ?" + SqlLike.ESCAPE, SqlLike.startsWith(v), owner, column, kind, found);
        }
        return new ArrayList<>(found.values());
    }

    private void query(String select, String condition, String value, String owner, String order, SearchHit.Kind kind,
            Map<String, SearchHit> found) {
        if (found.size() > PER_KIND) {
            return;
        }
        String sql = select + condition + (owner == null ? "" : " AND c.owner = ?") + " ORDER BY " + order + " LIMIT " + (PER_KIND + 1);
        List<Object> params = owner == null ? List.of(value) : List.of(value, owner);
        for (SearchHit h : jdbc.sql(sql).params(params).query((rs, n) -> map(kind, rs)).list()) {
            found.putIfAbsent(h.key(), h);
        }
    }

    private static SearchHit map(SearchHit.Kind kind, java.sql.ResultSet rs) throws java.sql.SQLException {
        String key = rs.getString(1);
        return switch (kind) {
            case CUSTOMER -> new SearchHit(kind, key, rs.getString(2), key, rs.getString(2), "/customers/" + enc(key));
            case INVOICE -> new SearchHit(kind, key, amount(rs), rs.getString(4), rs.getString(5), "/invoices/" + enc(key));
            case PAYMENT -> new SearchHit(kind, key, amount(rs), rs.getString(4), rs.getString(5), "/payments/" + enc(key));
            case DOCUMENT -> new SearchHit(kind, key, rs.getString(2), rs.getString(4), rs.getString(5), "/documents/" + rs.getLong(3));
        };
    }

    private static String amount(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.math.BigDecimal a = rs.getBigDecimal(2);
        return String.format(Locale.ROOT, "%,.2f", a) + " " + rs.getString(3).trim();
    }

    private static String enc(String segment) {
        return org.springframework.web.util.UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
