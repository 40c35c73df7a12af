package org.casebridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback between the server and PostgreSQL, so a test can take the database
 * away the way a network partition or a failover does: {@link #cut()} resets every open
 * connection and refuses new ones until {@link #restore()}.
 */
public final class LoopbackProxy implements AutoCloseable {

	private final int targetPort;
	private final int port;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private final ExecutorService pumps = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "loopback-proxy");
		thread.setDaemon(true);
		return thread;
	});
	private ServerSocket listener;

	private LoopbackProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = listen(0);
		this.port = listener.getLocalPort();
		accept(listener);
	}

	/** A proxy to {@code 127.0.0.1:targetPort}, listening on a free loopback port. */
	public static LoopbackProxy to(int targetPort) throws IOException {
		return new LoopbackProxy(targetPort);
	}

	public int port() {
		return port;
	}

	/** Resets every proxied connection and refuses new ones: both sides see the peer vanish. */
	public synchronized void cut() throws IOException {
		listener.close();
		for (Socket socket : open) {
			reset(socket);
		}
		open.clear();
	}

	/** Accepts connections again, on the same port, as a database back from a failover does. */
	public synchronized void restore() throws IOException {
		listener = listen(port);
		accept(listener);
	}

	@Override
	public synchronized void close() throws IOException {
		cut();
		pumps.shutdownNow();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		// The port was just closed with connections on it; without this the rebind can fail.
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private void accept(ServerSocket from) {
		pumps.execute(() -> {
			while (!from.isClosed()) {
				try {
					Socket client = from.accept();
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
					open.add(client);
					open.add(upstream);
					pumps.execute(() -> pump(client, upstream));
					pumps.execute(() -> pump(upstream, client));
				} catch (IOException e) {
					// closed by cut(): stop accepting
				}
			}
		});
	}

	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		} catch (IOException e) {
			// one side went away; the other is closed below
		} finally {
			reset(from);
			reset(to);
			open.remove(from);
			open.remove(to);
		}
	}

	/** Closes with an RST rather than a FIN, as a dropped connection looks to its peer. */
	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		} catch (IOException e) {
			// already closed
		}
	}
}
