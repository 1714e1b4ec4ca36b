package io.huikuan.demo;

import io.huikuan.common.Cli;
import io.huikuan.demo.PortfolioLoader.LoadResult;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code generate --customers=N [--invoices=M] [--seed=S] [--as-of=yyyy-MM-dd] [--prefix=KH] [--owners=a,b] [--csv=DIR]}:
 * writes a generated portfolio into the configured database (COPY on PostgreSQL, JDBC batches
 * otherwise), or with {@code --csv} the three import files into DIR. Owners default to the
 * database's collectors.
 */
@Component
@Profile("cli")
class GenerateCommand implements ApplicationRunner {

    private final PortfolioLoader loader;
    private final UserDirectory users;
    private final Environment env;
    private final Clock clock;

    GenerateCommand(PortfolioLoader loader, UserDirectory users, Environment env, Clock clock) {
        this.loader = loader;
        this.users = users;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = Cli.words(args.getSourceArgs());
        if (words.isEmpty() || !"generate".equals(words.get(0))) {
            return;
        }
        int customers = (int) number(args, "customers", 1_000);
        long invoices = number(args, "invoices", customers * 24L);
        long seed = number(args, "seed", env.getProperty("huikuan.demo-seed", Long.class, 20261125L));
        LocalDate asOf = date(args, "as-of", LocalDate.now(clock));
        String prefix = Cli.option(args, "prefix", "KH");
        List<String> owners = owners(args);
        GeneratorSettings.Owners ownerOf = owners.isEmpty() ? GeneratorSettings.Owners.NONE
                : (region, index) -> owners.get(index % owners.size());
        GeneratorSettings settings = new GeneratorSettings(seed, customers, invoices, asOf, prefix, ownerOf);
        String csv = Cli.option(args, "csv", null);
        LoadResult result;
        String target;
        if (csv != null) {
            Path dir = Path.of(csv).toAbsolutePath();
            result = loader.writeCsv(settings, dir);
            target = dir.toString();
        } else {
            result = loader.load(settings, "generated data (seed " + seed + ")");
            loader.analyze();
            target = env.getProperty("spring.datasource.url", "the database");
        }
        long rows = result.rows().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("generate: wrote %s into %s (%s; seed %d, as of %s) in %.1f s, %,d rows/s%n", result.describe(), target,
                result.method(), seed, asOf, result.millis() / 1000.0, rows * 1000 / Math.max(1, result.millis()));
    }

    private List<String> owners(ApplicationArguments args) {
        String given = Cli.option(args, "owners", null);
        if (given != null) {
            return Arrays.stream(given.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return users.withRole(Role.COLLECTOR).stream().map(UserAccount::username).sorted().toList();
    }

    private static long number(ApplicationArguments args, String name, long fallback) {
        String value = Cli.option(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n < 0 || (name.equals("customers") && n > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + "=" + value + ": not a valid number");
        }
    }

    private static LocalDate date(ApplicationArguments args, String name, LocalDate fallback) {
        String value = Cli.option(args, name, null);
        try {
            return value == null ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + "=" + value + ": not a date (yyyy-MM-dd)");
        }
    }
}
