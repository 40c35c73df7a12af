package org.casebridge.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A REST-hook subscriber on loopback, as a partner's system would run one: it answers 200 to every
 * notification and records it. It can go down and come back on the same port.
 */
public final class Subscriber implements AutoCloseable {

	/** One notification as received: the HTTP request line, and the resource it carried. */
	public record Notification(String method, String path, long receivedNanos, JsonNode resource) {

		public String status() {
			return resource.path("status").asText();
		}

		public String versionId() {
			return resource.path("meta").path("versionId").asText();
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final int port;
	private final List<Notification> received = new CopyOnWriteArrayList<>();
	private HttpServer server;

	private Subscriber(int port) {
		this.port = port;
	}

	public static Subscriber start(int port) {
		Subscriber subscriber = new Subscriber(port);
		subscriber.up();
		return subscriber;
	}

	/** The URL to give as {@code Subscription.channel.endpoint}. */
	public String endpoint() {
		return "http://127.0.0.1:" + port + "/notifications";
	}

	public synchronized void up() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			JsonNode resource = body.length == 0 ? JSON.nullNode() : JSON.readTree(new String(body, StandardCharsets.UTF_8));
			long receivedNanos = System.nanoTime();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
			// Recorded once answered: a notification the server did not see answered may come again.
			received.add(new Notification(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					receivedNanos, resource));
		});
		server.start();
	}

	/** Stops listening: the server's deliveries now fail with a refused connection. */
	public synchronized void down() {
		server.stop(0);
	}

	public List<Notification> received() {
		return List.copyOf(received);
	}

	/** Waits up to {@code limit} for a notification that {@code wanted} accepts. */
	public Notification await(Predicate<Notification> wanted, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			for (Notification notification : received) {
				if (wanted.test(notification)) {
					return notification;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No such notification within " + limit + "; received " + received.stream()
				.map(n -> n.method() + " " + n.path() + " " + n.status() + " v" + n.versionId()).toList());
	}

	@Override
	public synchronized void close() {
		server.stop(0);
	}
}
