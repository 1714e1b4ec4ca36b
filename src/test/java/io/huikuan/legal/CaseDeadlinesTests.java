package io.huikuan.legal;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.legal.CaseDeadlines.Deadline;
import io.huikuan.legal.CaseDeadlines.Kind;
import io.huikuan.legal.CaseDeadlines.StageFact;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadlines of a case from its stages: statutory periods with the first day not counted, across month and leap-year ends. */
class CaseDeadlinesTests {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aPeriodOfDaysDoesNotCountItsFirstDayAndRunsAcrossTheMonthEnd() {
        List<Deadline> out = CaseDeadlines.of(7, LegalCaseKind.PAYMENT_ORDER, List.of(new StageFact(1, CaseStage.SERVED, d("2026-01-20"), null, null)),
                false);
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Kind.OBJECTION);
            assertThat(x.date()).isEqualTo(d("2026-02-04"));
            assertThat(x.taskDue()).isEqualTo(d("2026-02-05"));
            assertThat(x.taskKey()).isEqualTo("L:7:OBJECTION:1:2026-02-04");
            assertThat(x.daysLeft(d("2026-02-01"))).isEqualTo(3);
        });
    }

    @Test
    void twoYearsFromTheTwentyNinthOfFebruaryEndOnTheLastDayOfFebruary() {
        List<Deadline> out = CaseDeadlines.of(8, LegalCaseKind.ARBITRATION,
                List.of(new StageFact(3, CaseStage.JUDGMENT, d("2028-02-10"), d("2028-02-12"), d("2028-02-29"))), false);
        assertThat(out).extracting(Deadline::kind, Deadline::date, Deadline::taskDue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ENFORCEMENT, d("2030-02-28"), d("2028-03-01")));
    }

    @Test
    void theAppealTaskComesFiveDaysBeforeTheEndAndNothingIsDueOnAClosedCase() {
        List<StageFact> stages = List.of(new StageFact(4, CaseStage.JUDGMENT, d("2026-05-01"), d("2026-05-06"), null),
                new StageFact(5, CaseStage.HEARING, d("2026-07-01"), null, null));
        assertThat(CaseDeadlines.of(9, LegalCaseKind.LAWSUIT, stages, false)).extracting(Deadline::kind, Deadline::date, Deadline::taskDue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.APPEAL, d("2026-05-21"), d("2026-05-16")),
                        org.assertj.core.groups.Tuple.tuple(Kind.HEARING, d("2026-07-01"), d("2026-06-28")));
        // a mediation cannot be appealed; a closed case has no deadline
        assertThat(CaseDeadlines.of(9, LegalCaseKind.LAWSUIT, List.of(new StageFact(6, CaseStage.MEDIATION, d("2026-05-01"), d("2026-05-01"), null)),
                false)).isEmpty();
        assertThat(CaseDeadlines.of(9, LegalCaseKind.LAWSUIT, stages, true)).isEmpty();
    }
}
