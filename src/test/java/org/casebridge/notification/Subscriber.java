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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A REST-hook subscriber on loopback, as a partner's system would run one: it answers 200 to every
 * notification and records it. It can go down and come back on the same port, and it can hang:
 * take notifications and never answer them, as a subscriber stuck mid-request does.
 */
public final class Subscriber implements AutoCloseable {

	/** One notification as received: the HTTP request line, and the resource it carried. */
	public record Notification(String method, String path, long receivedNanos, JsonNode resource) {

		/**
		 * The resource notified of: the one sent, or in a topic notification Bundle the one after its
		 * SubscriptionStatus.
		 */
		public JsonNode focus() {
			return resource.path("resourceType").asText().equals("Bundle") ? resource.path("entry").path(1).path("resource") : resource;
		}

		public String id() {
			return focus().path("id").asText();
		}

		public String status() {
			return focus().path("status").asText();
		}

		public String versionId() {
			return focus().path("meta").path("versionId").asText();
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final int port;
	private final List<Notification> received = new CopyOnWriteArrayList<>();
	private final List<Notification> held = new CopyOnWriteArrayList<>();
	/** While set, notifications are taken and left unanswered until it is released. */
	private volatile CountDownLatch hanging;
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
			Notification notification = new Notification(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					System.nanoTime(), resource);
			CountDownLatch hang = hanging;
			if (hang != null) {
				held.add(notification);
				try {
					hang.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
			// Recorded once answered: a notification the server did not see answered may come again.
			received.add(notification);
		});
		// Each exchange on a thread of its own, so that one held unanswered does not stop the others.
		server.setExecutor(Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "subscriber-" + port);
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
	}

	/** From now on takes each notification and never answers it (the server's request stays open). */
	public void hang() {
		hanging = new CountDownLatch(1);
	}

	/** Answers again; the notifications held unanswered are dropped, their connections closed. */
	public void answer() {
		CountDownLatch hang = hanging;
		hanging = null;
		if (hang != null) {
			hang.countDown();
		}
	}

	/** The notifications taken while hanging, never answered. */
	public List<Notification> held() {
		return List.copyOf(held);
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
		return await(received, wanted, limit);
	}

	/** Waits up to {@code limit} for a notification held unanswered that {@code wanted} accepts. */
	public Notification awaitHeld(Predicate<Notification> wanted, Duration limit) throws InterruptedException {
		return await(held, wanted, limit);
	}

	private static Notification await(List<Notification> notifications, Predicate<Notification> wanted, Duration limit)
			throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			for (Notification notification : notifications) {
				if (wanted.test(notification)) {
					return notification;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No such notification within " + limit + "; got " + notifications.stream()
				.map(n -> n.method() + " " + n.path() + " " + n.status() + " v" + n.versionId()).toList());
	}

	@Override
	public synchronized void close() {
		answer();
		server.stop(0);
	}
}
