package io.huikuan.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The champion/challenger split: stable for a customer, close to the share asked for, independent between experiments. */
class ExperimentSplitTests {

    static Experiment experiment(long id, int percent) {
        return new Experiment(id, "SEG", "S_A", 1, "S_B", 1, percent, LocalDate.parse("2025-06-01"), "boss", null, null, null);
    }

    @Test
    void aCustomerAlwaysLandsInTheSameArmAndTheSharesAreAsAskedFor() {
        Experiment e = experiment(7, 20);
        int challengers = 0;
        for (long c = 1; c <= 10_000; c++) {
            String arm = e.arm(c);
            assertThat(experiment(7, 20).arm(c)).as("stable across runs and nodes").isEqualTo(arm);
            challengers += Experiment.CHALLENGER.equals(arm) ? 1 : 0;
        }
        assertThat(challengers).as("20 %% of 10,000 customers, within 3 standard deviations (±120)").isBetween(1880, 2120);
        assertThat(e.strategyFor(1)).isEqualTo(Experiment.CHALLENGER.equals(e.arm(1)) ? "S_B" : "S_A");
    }

    @Test
    void anotherExperimentDrawsAgainAndALargerShareKeepsTheEarlierChallengers() {
        int same = 0;
        int kept = 0;
        int before = 0;
        for (long c = 1; c <= 10_000; c++) {
            same += experiment(7, 50).arm(c).equals(experiment(8, 50).arm(c)) ? 1 : 0;
            if (Experiment.CHALLENGER.equals(experiment(7, 10).arm(c))) {
                before++;
                kept += Experiment.CHALLENGER.equals(experiment(7, 30).arm(c)) ? 1 : 0;
            }
        }
        assertThat(same).as("two experiments' 50/50 splits agree about half the time, not always").isBetween(4700, 5300);
        assertThat(kept).as("the same draw: a customer under 10 %% is under 30 %% too").isEqualTo(before);
    }
}
