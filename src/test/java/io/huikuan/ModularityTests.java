package io.huikuan;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module walls and writes the module documentation (target/spring-modulith-docs). */
class ModularityTests {

    private static final DescribedPredicate<JavaClass> TEST_CODE = DescribedPredicate.describe("test code",
            c -> c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false));

    private final ApplicationModules modules = ApplicationModules.of(HuikuanApplication.class, TEST_CODE);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
