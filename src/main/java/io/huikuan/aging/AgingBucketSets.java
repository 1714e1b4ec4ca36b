package io.huikuan.aging;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manager-defined aging bucket sets: anyone may list and read them and run aging with them;
 * managers and administrators define and delete them. Names are unique.
 */
@Service
public class AgingBucketSets {

    private final JdbcClient jdbc;
    private final Clock clock;

    AgingBucketSets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Defines a set. {@code buckets} is a comma-separated text or a list of whole days (see
     * {@link AgingBucketSet#parseBounds}); a duplicate or bad name and bad bounds are refused
     * naming {@code name} or {@code buckets}.
     */
    @Transactional
    public AgingBucketSet create(String name, Object buckets) {
        CurrentUser user = CurrentUser.require("define bucket sets", Role.MANAGER);
        String checkedName = AgingBucketSet.checkName(name);
        List<Integer> bounds = AgingBucketSet.parseBounds(buckets);
        if (find(checkedName).isPresent()) {
            throw duplicate(checkedName);
        }
        AgingBucketSet set = new AgingBucketSet(checkedName, bounds, user.username(), Instant.now(clock));
        try {
            jdbc.sql("INSERT INTO aging_bucket_set (name, buckets, created_by, created_at) VALUES (?, ?, ?, ?)")
                    .params(set.name(), set.stored(), set.createdBy(), Timestamp.from(set.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(checkedName);
        }
        return set;
    }

    /** All sets by name. */
    @Transactional(readOnly = true)
    public List<AgingBucketSet> list() {
        return jdbc.sql("SELECT name, buckets, created_by, created_at FROM aging_bucket_set ORDER BY name")
                .query(AgingBucketSets::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<AgingBucketSet> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name, buckets, created_by, created_at FROM aging_bucket_set WHERE name = ?")
                .param(name.strip()).query(AgingBucketSets::row).optional();
    }

    /** The set named so; 404 when there is none. */
    public AgingBucketSet get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("bucket set", name));
    }

    /** Deletes a set (managers and administrators); 404 when there is none. */
    @Transactional
    public void delete(String name) {
        CurrentUser.require("delete bucket sets", Role.MANAGER);
        int deleted = name == null ? 0 : jdbc.sql("DELETE FROM aging_bucket_set WHERE name = ?").param(name.strip()).update();
        if (deleted == 0) {
            throw new NotFoundException("bucket set", name);
        }
    }

    private static ValidationException duplicate(String name) {
        return ValidationException.coded("name", name, "bucketSet.taken", "a bucket set named '" + name + "' already exists", name);
    }

    private static AgingBucketSet row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new AgingBucketSet(rs.getString("name"), AgingBucketSet.parseBounds(rs.getString("buckets")),
                rs.getString("created_by"), created == null ? null : created.toInstant());
    }
}
