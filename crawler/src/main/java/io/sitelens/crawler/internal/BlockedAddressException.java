package io.sitelens.crawler.internal;

import java.io.IOException;

/** Thrown at connect time when the guard refuses the address a connection was about to be made to. */
public final class BlockedAddressException extends IOException {
    private static final long serialVersionUID = 1L;

    public BlockedAddressException(String message) {
        super(message);
    }
}
