package org.pastoralflow.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A script calling the JSON API of a server on this machine with HTTP basic credentials. */
public final class ApiUser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiUser(int port, String user, String password) {
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public ApiUser onPort(int otherPort, String user, String password) {
        return new ApiUser(otherPort, user, password);
    }

    public HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public List<Map<String, Object>> getList(String path) throws Exception {
        return JSON.readValue(get(path).body(), new TypeReference<>() { });
    }

    public static Map<String, Object> map(String body) throws Exception {
        return JSON.readValue(body, new TypeReference<>() { });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
    }
}
