package io.sitelens.screenshots;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves host names for the guarding proxy (the system resolver by default; tests supply their own). */
@FunctionalInterface
public interface NameResolver {
    NameResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
