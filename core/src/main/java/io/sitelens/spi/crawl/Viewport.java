package io.sitelens.spi.crawl;

/** The browser window a screenshot is taken in. */
public record Viewport(int width, int height, double deviceScaleFactor, boolean mobile) {
    public static final Viewport DESKTOP = new Viewport(1366, 768, 1.0, false);
    public static final Viewport MOBILE = new Viewport(390, 844, 3.0, true);

    public Viewport {
        if (width < 1 || height < 1 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("viewport must be within 1..10000 pixels, got " + width + "x" + height);
        }
        if (!(deviceScaleFactor > 0 && deviceScaleFactor <= 5)) {
            throw new IllegalArgumentException("device scale factor must be in (0,5], got " + deviceScaleFactor);
        }
    }
}
