package io.huikuan.credit.web;

import io.huikuan.credit.CreditScores.HistoryPoint;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the score history chart on the customer page (issue 15, item 6), computed on the server so the page
 * draws it as inline SVG without any script (the CSP allows none inline): the points placed by date (x) and score (y,
 * 0 at the bottom, 100 at the top), the line through them, and the grade bands shaded behind (A ≥ 85, B 70–84, C 55–69,
 * D 40–54, E below 40, as in the score model).
 */
record ScoreChart(int width, int height, int left, int right, int top, int bottom, List<Band> bands, List<Dot> dots, String line,
        List<Tick> ticks, LocalDate first, LocalDate last) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 36;
    private static final int RIGHT = 628;
    private static final int TOP = 10;
    private static final int BOTTOM = 190;

    /** A grade's band: from its lowest score to the next grade's. */
    record Band(String grade, int y, int h, int labelY) {
    }

    /** A point: where, and what it says. */
    record Dot(double x, double y, LocalDate asOf, int score, String grade) {
    }

    /** A horizontal grid line with its score. */
    record Tick(int score, double y) {
    }

    private static final String[] GRADES = {"A", "B", "C", "D", "E"};
    private static final int[] FLOORS = {85, 70, 55, 40, 0};

    /** The chart of these points (oldest first); null when there is none. */
    static ScoreChart of(List<HistoryPoint> history) {
        if (history == null || history.isEmpty()) {
            return null;
        }
        LocalDate first = history.getFirst().asOf();
        LocalDate last = history.getLast().asOf();
        long span = ChronoUnit.DAYS.between(first, last);
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (HistoryPoint p : history) {
            double x = span <= 0 ? (LEFT + RIGHT) / 2.0 : LEFT + (RIGHT - LEFT) * (double) ChronoUnit.DAYS.between(first, p.asOf()) / span;
            double y = y(p.score());
            dots.add(new Dot(round(x), round(y), p.asOf(), p.score(), p.grade()));
            line.append(line.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        List<Band> bands = new ArrayList<>();
        int ceiling = 100;
        for (int i = 0; i < GRADES.length; i++) {
            int top = (int) Math.round(y(ceiling));
            int bottom = (int) Math.round(y(FLOORS[i]));
            bands.add(new Band(GRADES[i], top, bottom - top, (top + bottom) / 2 + 4));
            ceiling = FLOORS[i];
        }
        List<Tick> ticks = new ArrayList<>();
        for (int s : new int[] {0, 40, 55, 70, 85, 100}) {
            ticks.add(new Tick(s, round(y(s))));
        }
        return new ScoreChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, bands, dots, line.toString(), ticks, first, last);
    }

    private static double y(int score) {
        return BOTTOM - (BOTTOM - TOP) * score / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
