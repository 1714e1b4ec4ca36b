package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters are signed by a person's name and title, never by a display name with its portfolio suffix
 * ("赵敏(华南/华北/西南/东北)"): the user's own signatory when there is one, else the company profile's (issue 12, item 13).
 */
@SpringBootTest
class LetterSignatoryIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerService customers;
    @Autowired
    CompanyProfiles profiles;
    @Autowired
    UserDirectory users;
    @Autowired
    TemplateDataBuilder builder;

    @Test
    void lettersAreSignedByTheUsersSignatoryElseTheCompanysNeverByTheDisplayName() {
        String owner = "sig-" + UUID.randomUUID().toString().substring(0, 6);
        users.seed(owner, "Correct-horse-9-battery", "赵敏(华南/华北/西南/东北)", EnumSet.of(Role.COLLECTOR));
        String code = "SIG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        customers.create(new Customer(code, "佛山顺德美泰电器有限公司", null, "华南", null, null, owner, null, 30, "B", List.of()), "test");
        LocalDate today = LocalDate.of(2026, 12, 1);

        // the user has a signatory of their own
        TemplateDataBuilder withOwn = new TemplateDataBuilder(jdbc, customers, profiles,
                u -> u.equals(owner) ? Optional.of(new Signatories.Signatory("赵敏", "高级催收专员")) : Optional.empty(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(LetterFigures.class));
        TemplateData own = withOwn.forCustomer(code, today);
        assertThat(own.collector().name()).isEqualTo("赵敏");
        assertThat(own.collector().title()).isEqualTo("高级催收专员");
        assertThat(withOwn.letterSigner(code, profiles.current()).name()).isEqualTo("赵敏");

        // no signatory of their own: their name without the portfolio suffix, never the company's signatory
        TemplateData byDefault = builder.forCustomer(code, today);
        assertThat(byDefault.collector().name()).isEqualTo("赵敏");
        assertThat(byDefault.collector().title()).isNull();
        CompanyProfiles.CompanyProfile company = profiles.current();
        TemplateData.Person letterSigner = builder.letterSigner(code, company);
        if (company.signatoryName() != null && !company.signatoryName().isBlank()) {
            // a letter without the collector's own signatory is signed by the company profile's signatory
            assertThat(letterSigner.name()).isEqualTo(company.signatoryName());
        } else {
            assertThat(letterSigner.name()).isEqualTo("赵敏");
        }

        // the signatory set on the users page signs the user's letters (the application's own wiring)
        users.updateProfile(owner, new UserDirectory.Profile(null, null, "赵敏", "高级催收专员"));
        TemplateData set = builder.forCustomer(code, today);
        assertThat(set.collector().name()).isEqualTo("赵敏");
        assertThat(set.collector().title()).isEqualTo("高级催收专员");
        assertThat(builder.letterSigner(code, profiles.current())).extracting(TemplateData.Person::name, TemplateData.Person::title)
                .containsExactly("赵敏", "高级催收专员");

        assertThat(TemplateDataBuilder.withoutSuffix("赵敏(华南/华北/西南/东北)")).isEqualTo("赵敏");
        assertThat(TemplateDataBuilder.withoutSuffix("陈明（催收主管）")).isEqualTo("陈明");
        assertThat(TemplateDataBuilder.withoutSuffix("(张伟)")).isEqualTo("(张伟)");
    }
}
