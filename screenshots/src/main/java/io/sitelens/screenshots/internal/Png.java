package io.sitelens.screenshots.internal;

import java.nio.ByteBuffer;

/** Reads a PNG's pixel size from its header. */
final class Png {
    private Png() {}

    static int[] size(byte[] png) {
        if (png.length < 24 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("not a PNG");
        }
        ByteBuffer b = ByteBuffer.wrap(png);
        return new int[] {b.getInt(16), b.getInt(20)};
    }
}
