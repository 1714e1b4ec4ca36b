package io.huikuan;

import io.huikuan.common.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Huikuan: receivables collection. Without a command it starts the web application; with a
 * command ({@code import}, {@code export}, {@code generate}, {@code benchmark}) it runs that
 * command without a web server and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HuikuanApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(HuikuanApplication.class);
        if (Cli.isCommand(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
