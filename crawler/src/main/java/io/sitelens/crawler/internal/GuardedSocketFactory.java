package io.sitelens.crawler.internal;

import io.sitelens.crawler.AddressGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Makes sockets that check the address they are about to connect to. OkHttp skips its {@code Dns} for IP
 * literals ({@code http://2130706433/}, {@code http://[::ffff:127.0.0.1]/}) and a name may resolve to a
 * different address on each lookup, so the only reliable place for the check is the connect itself; every
 * redirect hop that opens a connection passes through here.
 */
final class GuardedSocketFactory extends SocketFactory {
    private final AddressGuard guard;

    GuardedSocketFactory(AddressGuard guard) {
        this.guard = guard;
    }

    private final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress isa) {
                InetAddress address = isa.getAddress();
                if (address == null) {
                    throw new BlockedAddressException("unresolved address " + isa.getHostString());
                }
                String refusal = guard.refusal(address);
                if (refusal != null) {
                    close();
                    throw new BlockedAddressException(refusal);
                }
            }
            super.connect(endpoint, timeout);
        }
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }
}
