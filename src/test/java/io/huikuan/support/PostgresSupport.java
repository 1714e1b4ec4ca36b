package io.huikuan.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL suite runs against a real server when {@code -Dhuikuan.postgres=true} or
 * {@code HUIKUAN_POSTGRES=true} (as {@code .ci/run} does); then an unreachable server fails the suite, it never skips silently.
 * Connection: {@code HUIKUAN_PG_URL} (default jdbc:postgresql://127.0.0.1:5432/huikuan_test),
 * {@code HUIKUAN_PG_USER} / {@code HUIKUAN_PG_PASSWORD} (default huikuan/huikuan). Each Spring
 * context gets a fresh schema, so test classes never see each other's data.
 */
public final class PostgresSupport {

    private PostgresSupport() {
    }

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("huikuan.postgres", "false"))
                || Boolean.parseBoolean(System.getenv().getOrDefault("HUIKUAN_POSTGRES", "false"));
    }

    public static String url() {
        return System.getenv().getOrDefault("HUIKUAN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/huikuan_test");
    }

    public static String user() {
        return System.getenv().getOrDefault("HUIKUAN_PG_USER", "huikuan");
    }

    public static String password() {
        return System.getenv().getOrDefault("HUIKUAN_PG_PASSWORD", "huikuan");
    }

    /** Skips when the suite is off; fails loudly when it is on and the server cannot be reached. */
    public static void requirePostgres() {
        Assumptions.assumeTrue(enabled(), "PostgreSQL suite is off (run with -Dhuikuan.postgres=true)");
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL suite is on but " + url() + " cannot be reached as " + user() + ": " + e.getMessage(), e);
        }
    }

    /** Points the Spring context at a fresh schema of the test database. */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String base = url();
        String sep = base.contains("?") ? "&" : "?";
        registry.add("spring.datasource.url", () -> base + sep + "currentSchema=" + schema);
        registry.add("spring.datasource.username", PostgresSupport::user);
        registry.add("spring.datasource.password", PostgresSupport::password);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
        // the test context cache keeps many contexts alive: each holds one idle connection, not ten,
        // so the suite stays well under PostgreSQL's max_connections (100 by default)
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }
}
