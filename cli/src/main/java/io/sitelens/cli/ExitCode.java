package io.sitelens.cli;

import io.sitelens.ErrorCategory;
import io.sitelens.SitelensException;

/** The exit codes every command uses. */
final class ExitCode {
    /** Success; findings are results, not failures. */
    static final int OK = 0;
    /** A failure the user must look at: an external service failed, a verification failed, a run was partial. */
    static final int FAILURE = 1;
    /** Bad usage or bad input. */
    static final int USAGE = 2;

    private ExitCode() {}

    static int of(SitelensException e) {
        return e.category() == ErrorCategory.USER ? USAGE : FAILURE;
    }
}
