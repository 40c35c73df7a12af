package org.casebridge;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on loopback for the shared test server's e-mail notifications,
 * started once per test JVM on a free port. It can be stopped and started again on that port to
 * play an outage of the mail server.
 */
public final class TestMailServer {

	private static GreenMail server;

	private TestMailServer() {}

	/** The port of the running server, started on first use. */
	public static synchronized int port() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(ServerProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
		return server.getSmtp().getPort();
	}

	public static synchronized void stop() {
		server.stop();
	}

	public static synchronized void start() {
		server.start();
	}

	/** Waits for the first message to {@code address}. */
	public static MimeMessage awaitMessageTo(String address, Duration timeout) {
		Eventually.until("an e-mail to " + address, timeout, () -> !messagesTo(address).isEmpty());
		return messagesTo(address).get(0);
	}

	/** Every message received so far for {@code address}. */
	public static synchronized List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(server.getReceivedMessages())
				.filter(message -> addressedTo(message, address))
				.toList();
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
		} catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
