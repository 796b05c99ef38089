package org.pastoralflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server for the tests, on a free port, shared by all integration tests. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    static synchronized void start() {
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

    public static void reset() throws Exception {
        server.purgeEmailFromAllMailboxes();
    }
}
