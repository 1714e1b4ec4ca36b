package io.huikuan.insight;

import java.time.LocalDate;

/** What one model says of one open invoice: the probability that it is paid after its due date and the day it will be paid. */
record Estimate(double probabilityLate, LocalDate payDate) {
}
