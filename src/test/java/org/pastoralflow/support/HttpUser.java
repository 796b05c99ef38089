package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone using the running server over real HTTP, the way a browser would without running
 * its scripts: cookies kept, redirects not followed, CSRF tokens read from the pages.
 */
public final class HttpUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient client;

    public HttpUser(int port) {
        this(port, new CookieManager());
    }

    private HttpUser(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The same browser (the same cookies) talking to another server on this machine, as when a
     * load balancer sends the next request to another node of a cluster.
     */
    public HttpUser onPort(int otherPort) {
        return new HttpUser(otherPort, cookies);
    }

    public static HttpUser signedIn(int port, String user) {
        HttpUser u = new HttpUser(port);
        HttpResponse<String> r = u.signIn(user, "demo");
        assertThat(r.headers().firstValue("Location")).as("sign-in of %s", user)
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return u;
    }

    /** Posts the login form; the answer is the redirect (to the start page, or back with ?error). */
    public HttpResponse<String> signIn(String user, String password) {
        return postWithToken("/login", Map.of("username", user, "password", password), csrfFrom("/login"));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A page asked for as a browser asks, saying it wants HTML (which decides the form of an error page). */
    public HttpResponse<String> getHtml(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    /** A download (a PDF, a ZIP) as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form post with a CSRF token from one of the user's pages. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return postWithToken(path, form, csrfFrom("/referrals/mine"));
    }

    public HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        return postWithToken(path, form, null);
    }

    /** A form post with a token read earlier, e.g. from the page the form is on. */
    public HttpResponse<String> postWithToken(String path, Map<String, String> form, String token) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (token != null) {
            body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(token);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Any request with this browser's cookies, for REST APIs a page's scripts would call (the
     * Camunda webapps' API): the method, a body of the given type (or none) and extra headers.
     */
    public HttpResponse<String> send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** A post of bytes made by hand (a multipart form, or form text no browser would encode), with its content type. */
    public HttpResponse<String> postBody(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public String csrfFrom(String page) {
        Matcher m = CSRF.matcher(get(page).body());
        assertThat(m.find()).as("a CSRF token on %s", page).isTrue();
        return m.group(1);
    }

    /** The session cookie: JSESSIONID from the servlet container, or SESSION when sessions are in the database. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID") || c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
