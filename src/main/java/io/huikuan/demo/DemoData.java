package io.huikuan.demo;

import io.huikuan.demo.DemoUsers.DemoUser;
import io.huikuan.demo.PortfolioLoader.LoadResult;
import io.huikuan.identity.UserDirectory;
import io.huikuan.strategy.CollectionRun;
import io.huikuan.correspondence.CompanyProfiles;
import io.huikuan.strategy.CollectionRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data on the first start: when {@code huikuan.demo} is true, or unset and the database is an
 * embedded H2 database, and there are no customers yet, creates the demo users and loads a generated
 * portfolio ({@code huikuan.demo-customers}, {@code huikuan.demo-seed}) as of today, in one
 * transaction, tells the story of the weeks before ({@link DemoStory}: contacts, promises, disputes, targets, a
 * closed month, letters awaiting approval), opens legal cases ({@link DemoCases}), seeds payment plans, offers and
 * concessions ({@link DemoNegotiation}), then runs the daily collection run for today so the worklists are filled at once. Runs
 * before the first administrator is created from configuration.
 */
@Component
@Order(5)
@Profile("!cli")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final long LOCK_KEY = 0x68756B64656D6FL; // "hukdemo"

    private final Environment env;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final PortfolioLoader loader;
    private final CollectionRuns runs;
    private final CompanyProfiles profiles;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DemoStory story;
    private final DemoCases demoCases;
    private final DemoNegotiation negotiation;

    DemoData(Environment env, DataSource dataSource, JdbcClient jdbc, UserDirectory users, PortfolioLoader loader, CollectionRuns runs,
            CompanyProfiles profiles, PlatformTransactionManager transactions, Clock clock, DemoStory story, DemoCases demoCases,
            DemoNegotiation negotiation) {
        this.story = story;
        this.demoCases = demoCases;
        this.negotiation = negotiation;
        this.profiles = profiles;
        this.env = env;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.users = users;
        this.loader = loader;
        this.runs = runs;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        boolean postgres = isPostgres();
        LoadResult result = tx.execute(status -> {
            if (postgres) {
                // several nodes starting at once on one empty database: only the first loads
                jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query((rs, n) -> 1).list();
            }
            long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
            if (customers > 0) {
                log.debug("the database has customers: no demo data loaded");
                return null;
            }
            for (DemoUser u : DemoUsers.ALL) {
                if (!users.exists(u.username())) {
                    // the documented demo passwords, which the password policy would refuse: demo data only
                    users.seed(u.username(), u.password(), u.displayName(), EnumSet.of(u.role()));
                }
            }
            // the letters of the demo carry a letterhead, a signatory and a seal
            profiles.update(new CompanyProfiles.Draft("回款示例贸易有限公司", "上海市浦东新区世纪大道 100 号 18 楼", "021-6888 0000",
                    "ar@huikuan-demo.example", "招商银行上海分行营业部", "1219 0000 0000 8888", "91310115MA1K000001", "林晓", "财务总监", 10));
            profiles.seal(DemoSeal.png(), "image/png");
            return loader.load(settings(), "demo data");
        });
        if (result != null) {
            log.info("demo data loaded ({}) in {} ms", result.describe(), result.millis());
            // the weeks before today: contacts, promises, disputes, targets, a closed month, letters awaiting approval
            long started = System.nanoTime();
            DemoStory.Told told = story.tell(LocalDate.now(clock));
            log.info("demo story: {} in {} ms", told, (System.nanoTime() - started) / 1_000_000);
            // a few legal cases on the longest-overdue customers, so the legal pages start filled (their invoices leave the run)
            DemoCases.Opened opened = demoCases.open(LocalDate.now(clock));
            log.info("demo legal cases: {}", opened);
            // payment plans (one running, one awaiting the manager), offers and concessions on other overdue customers
            started = System.nanoTime();
            DemoNegotiation.Seeded seeded = negotiation.seed(LocalDate.now(clock));
            log.info("demo negotiation: {} in {} ms", seeded, (System.nanoTime() - started) / 1_000_000);
            // the collectors' worklists are filled at once, not only after the first nightly run
            CollectionRun run = runs.run(LocalDate.now(clock), "DEMO");
            log.info("collection run for the demo data: {} tasks created", run.tasksCreated());
        }
    }

    GeneratorSettings settings() {
        int customers = env.getProperty("huikuan.demo-customers", Integer.class, 200);
        long seed = env.getProperty("huikuan.demo-seed", Long.class, 20261125L);
        return new GeneratorSettings(seed, customers, customers * 30L, LocalDate.now(clock), "KH", DemoUsers.OWNERS);
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    /** {@code huikuan.demo} if set, otherwise: is the database an embedded H2 database? */
    boolean enabled() {
        Boolean demo = env.getProperty("huikuan.demo", Boolean.class);
        if (demo != null) {
            return demo;
        }
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
        } catch (SQLException e) {
            return false;
        }
    }
}
