package io.sitelens;

import io.sitelens.model.Project;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The work of one kind of scheduled job (a crawl, an insight refresh, a retention purge) for one project. The
 * modules that do the work provide runners; sync's is built in. A runner checks {@code cancelled} between
 * units of work and returns one outcome per provider or part it ran.
 */
@FunctionalInterface
public interface JobRunner {
    List<Outcome> run(Sitelens sitelens, Project project, BooleanSupplier cancelled);
}
