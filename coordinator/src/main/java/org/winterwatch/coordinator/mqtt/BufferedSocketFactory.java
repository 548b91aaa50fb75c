package org.winterwatch.coordinator.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered. Paho reads each packet's fixed header a byte at a time from the socket
 * stream, which costs a system call per byte; at thousands of messages a second that was a noticeable share of the
 * machine. With a buffer, one read takes in many packets.
 */
public final class BufferedSocketFactory extends SocketFactory {

    private static final int BUFFER_BYTES = 64 * 1024;

    /** Whether this factory serves the broker URL (plain {@code tcp://}; TLS and WebSocket keep Paho's own). */
    public static boolean serves(String brokerUrl) {
        return brokerUrl != null && brokerUrl.startsWith("tcp://");
    }

    @Override
    public Socket createSocket() {
        return new BufferedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private static Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket s = new BufferedSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    private static final class BufferedSocket extends Socket {
        private InputStream in;

        BufferedSocket() {
            try {
                setTcpNoDelay(true);
            } catch (IOException e) {
                // not connected yet on some platforms; Nagle then stays on, which only adds latency
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
            }
            return in;
        }
    }
}
