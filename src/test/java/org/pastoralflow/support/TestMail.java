package org.pastoralflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server for the tests, on a free port, shared by all integration tests. */
public final class TestMail {

    private static GreenMail server;
    private static int port;
    private static boolean down;

    private TestMail() {
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static int port() {
        return server.getSmtp().getPort();
    }

    public static MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** Stops the mail server, as when the school's goes down; {@link #up()} brings it back on the same port. */
    public static synchronized void down() {
        port = port();
        server.stop();
        down = true;
    }

    public static synchronized void up() {
        if (down) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            down = false;
        }
    }

    public static void reset() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }
}
