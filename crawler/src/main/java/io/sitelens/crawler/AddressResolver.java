package io.sitelens.crawler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves host names for the crawler (the system resolver by default). Whatever it returns, the address a
 * connection is finally made to is checked by the crawler's network guard.
 */
@FunctionalInterface
public interface AddressResolver {
    AddressResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> lookup(String host) throws UnknownHostException;
}
