package io.sitelens.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A local stand-in for Google's APIs (WireMock): the OAuth token endpoint a generated service-account key points
 * at, and whatever Data/Admin API answers a test stubs. Responses are synthetic, shaped as the API reference
 * documents them.
 */
final class LocalGa4 implements AutoCloseable {
    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    LocalGa4() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(
                        json("{\"access_token\":\"ya29.synthetic\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Writes a freshly generated service-account key whose token URI is this stub. */
    Path writeKey(Path file) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(kpg.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        var key = Json.mapper().createObjectNode();
        key.put("type", "service_account");
        key.put("project_id", "example-project");
        key.put("private_key_id", "k1");
        key.put("private_key", pem);
        key.put("client_email", "sitelens-test@example-project.iam.gserviceaccount.com");
        key.put("client_id", "1");
        key.put("token_uri", url() + "/token");
        Files.writeString(file, key.toString());
        return file;
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
