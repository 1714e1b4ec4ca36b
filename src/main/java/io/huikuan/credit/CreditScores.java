package io.huikuan.credit;

import io.huikuan.common.Page;
import io.huikuan.identity.CurrentUser;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit scores of customers as of any date (see {@link ScoreModel} for the model): a page of the customers the user
 * may see, one customer, or everyone at once (set-based: {@link CreditScoreQueries}), and the daily snapshot that
 * keeps the history cheap.
 */
@Service
public class CreditScores {

    private final JdbcClient jdbc;
    private final CreditScoreQueries queries;
    private final CreditOverrides overrides;
    private final MessageSource messages;
    private final JdbcTemplate batchJdbc;

    CreditScores(JdbcClient jdbc, JdbcTemplate batchJdbc, CreditScoreQueries queries, CreditOverrides overrides, MessageSource messages) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.queries = queries;
        this.overrides = overrides;
        this.messages = messages;
    }

    /** A page (from 0) of the scores of the customers the current user may see, by customer code. */
    @Transactional(readOnly = true)
    public Page<CreditScore> page(LocalDate asOf, int page, int size) {
        Objects.requireNonNull(asOf, "asOf");
        CurrentUser user = CurrentUser.get();
        String where = user.portfolioOnly() ? " WHERE owner = :owner" : "";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM customer" + where);
        JdbcClient.StatementSpec ids = jdbc.sql("SELECT id FROM customer" + where + " ORDER BY code LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size);
        if (user.portfolioOnly()) {
            count = count.param("owner", user.username());
            ids = ids.param("owner", user.username());
        }
        long total = count.query(Long.class).single();
        List<Long> pageIds = ids.query(Long.class).list();
        Map<Long, Grade> overridden = overrides.inForce(asOf, pageIds);
        List<CreditScore> items = queries.of(asOf, pageIds).stream()
                .sorted(java.util.Comparator.comparing(CreditScoreQueries.Row::code))
                .map(r -> score(r, asOf, overridden.get(r.customerId()))).toList();
        return new Page<>(items, total, page, size);
    }

    /** One customer's score and the facts it was computed from. */
    @Transactional(readOnly = true)
    public Scored of(long customerId, LocalDate asOf) {
        CreditScoreQueries.Row row = queries.of(asOf, List.of(customerId)).getFirst();
        return new Scored(row, ScoreModel.score(row.figures(), asOf), score(row, asOf, overrides.inForce(asOf, List.of(customerId)).get(customerId)));
    }

    /** A score with its facts and model result. */
    public record Scored(CreditScoreQueries.Row row, ScoreModel.Result result, CreditScore score) {
    }

    /** Every customer's score as of {@code asOf}, streamed (no portfolio filter: for jobs and benchmarks). */
    public void everyone(LocalDate asOf, Consumer<Scored> each) {
        queries.all(asOf, row -> {
            ScoreModel.Result r = ScoreModel.score(row.figures(), asOf);
            each.accept(new Scored(row, r, null));
        });
    }

    /** Stores every customer's score as of {@code asOf} (replacing that date's snapshot); returns the number stored. */
    @Transactional
    public int snapshot(LocalDate asOf) {
        jdbc.sql("DELETE FROM credit_score WHERE as_of = ?").param(Date.valueOf(asOf)).update();
        List<Object[]> batch = new ArrayList<>();
        int[] stored = {0};
        everyone(asOf, s -> {
            batch.add(new Object[] {s.row().customerId(), Date.valueOf(asOf), s.result().score(), s.result().grade().name()});
            if (batch.size() == 1000) {
                stored[0] += flush(batch);
            }
        });
        stored[0] += flush(batch);
        return stored[0];
    }

    /** Stores one customer's score as of {@code asOf} (on demand, e.g. when its credit is looked at today). */
    @Transactional
    public void snapshot(long customerId, LocalDate asOf, ScoreModel.Result r) {
        jdbc.sql("DELETE FROM credit_score WHERE customer_id = ? AND as_of = ?").params(customerId, Date.valueOf(asOf)).update();
        jdbc.sql("INSERT INTO credit_score (customer_id, as_of, score, grade) VALUES (?, ?, ?, ?)")
                .params(customerId, Date.valueOf(asOf), r.score(), r.grade().name()).update();
    }

    private int flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        batchJdbc.batchUpdate("INSERT INTO credit_score (customer_id, as_of, score, grade) VALUES (?, ?, ?, ?)", batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** The stored history of a customer's score, oldest first, on or before {@code asOf} (the last {@code limit}). */
    public List<HistoryPoint> history(long customerId, LocalDate asOf, int limit) {
        List<HistoryPoint> newestFirst = jdbc.sql("SELECT as_of, score, grade FROM credit_score WHERE customer_id = ? AND as_of <= ? "
                + "ORDER BY as_of DESC LIMIT ?").params(customerId, Date.valueOf(asOf), limit)
                .query((rs, n) -> new HistoryPoint(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getString(3))).list();
        List<HistoryPoint> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    /** One point of the history. */
    public record HistoryPoint(LocalDate asOf, int score, String grade) {
    }

    private CreditScore score(CreditScoreQueries.Row row, LocalDate asOf, Grade override) {
        ScoreModel.Result r = ScoreModel.score(row.figures(), asOf);
        List<String> reasons = r.reasons().stream().map(this::words).toList();
        String grade = r.grade().name();
        return new CreditScore(row.code(), r.score(), grade, reasons, override == null ? null : override.name(),
                override == null ? grade : override.name());
    }

    /** A reason in the request's language. */
    public String words(ScoreReason reason) {
        return messages.getMessage(reason.key(), reason.args().toArray(), reason.key(), LocaleContextHolder.getLocale());
    }
}
