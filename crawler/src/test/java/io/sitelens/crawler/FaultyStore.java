package io.sitelens.crawler;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.storage.CrawlStore;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.WorkQueue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;

/**
 * An in-memory store whose crawl-store and work-queue calls are logged by method name, and whose method named by
 * {@code failOn} (read at each call) fails as a full disk would.
 */
public final class FaultyStore {
    private FaultyStore() {}

    public static StorageAdapter over(InMemoryStorageAdapter memory, List<String> calls, Supplier<String> failOn) {
        CrawlStore crawls = logged(CrawlStore.class, memory.crawls(), calls, failOn);
        WorkQueue work = logged(WorkQueue.class, memory.work(), calls, failOn);
        return delegate(StorageAdapter.class, memory, name -> switch (name) {
            case "crawls" -> crawls;
            case "work" -> work;
            default -> null;
        });
    }

    private static <T> T logged(Class<T> type, T target, List<String> calls, Supplier<String> failOn) {
        return delegate(type, target, name -> {
            calls.add(name);
            if (name.equals(failOn.get())) {
                throw new IllegalStateException("No space left on device (simulated)");
            }
            return null;
        });
    }

    /** Calls {@code target} unless {@code instead} answers non-null for the method's name. */
    private static <T> T delegate(Class<T> type, T target, java.util.function.Function<String, Object> instead) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Object replacement = instead.apply(m.getName());
            if (replacement != null) {
                return replacement;
            }
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
