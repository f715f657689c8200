package io.sitelens.report.internal;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** A daily line chart as inline SVG: one series, gaps for missing days, a 28-day shaded window, axes. */
public final class SvgChart {
    /** One day's value (NaN when missing). */
    public record Point(LocalDate day, double value) {}

    private static final int W = 760;
    private static final int H = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 28;

    private SvgChart() {}

    /**
     * @param title an accessible title (escaped)
     * @param format how axis values are written
     * @param highlightFrom the first day of the shaded recent window
     */
    public static String line(
            String title, List<Point> points, DoubleFunction<String> format, LocalDate highlightFrom, String cssClass) {
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"chart ")
                .append(Html.escape(cssClass))
                .append("\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(H)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
                .append(Html.escape(title))
                .append("</title>");
        if (points.isEmpty()) {
            return s.append("<text x=\"20\" y=\"40\">no data</text></svg>").toString();
        }
        LocalDate first = points.get(0).day();
        LocalDate last = points.get(points.size() - 1).day();
        long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (Point p : points) {
            if (!Double.isNaN(p.value())) {
                max = Math.max(max, p.value());
                min = Math.min(min, p.value());
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return s.append("<text x=\"20\" y=\"40\">no data</text></svg>").toString();
        }
        double lo = Math.min(0, min);
        double hi = max <= lo ? lo + 1 : max * 1.05;
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        // shaded current window
        double hx = LEFT + plotW * Math.max(0, highlightFrom.toEpochDay() - first.toEpochDay()) / span;
        s.append(String.format(
                Locale.ROOT,
                "<rect class=\"window\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\"/>",
                hx,
                TOP,
                Math.max(0, LEFT + plotW - hx),
                plotH));
        // grid and y labels
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            s.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    W - RIGHT,
                    y,
                    y,
                    LEFT - 6,
                    y + 4,
                    Html.escape(format.apply(v))));
        }
        // month labels
        LocalDate m = first.withDayOfMonth(1).plusMonths(first.getDayOfMonth() == 1 ? 0 : 1);
        while (!m.isAfter(last)) {
            double x = LEFT + plotW * (m.toEpochDay() - first.toEpochDay()) / span;
            s.append(String.format(
                    Locale.ROOT,
                    "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x,
                    H - 8,
                    m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
            m = m.plusMonths(span > 200 ? 2 : 1);
        }
        // the line, broken at missing days
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        LocalDate prev = null;
        for (Point p : points) {
            boolean gap = prev != null && p.day().toEpochDay() - prev.toEpochDay() > 1;
            prev = p.day();
            if (Double.isNaN(p.value())) {
                pen = false;
                continue;
            }
            double x = LEFT + plotW * (p.day().toEpochDay() - first.toEpochDay()) / span;
            double y = TOP + plotH - plotH * (p.value() - lo) / (hi - lo);
            path.append(pen && !gap ? 'L' : 'M').append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            pen = true;
        }
        s.append("<path class=\"line\" d=\"").append(path.toString().trim()).append("\"/>");
        return s.append("</svg>").toString();
    }
}
