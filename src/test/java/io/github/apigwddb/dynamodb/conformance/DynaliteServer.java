package io.github.apigwddb.dynamodb.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (installed by the build, from conformance/dynalite/package-lock.json) started in memory on a
 * free loopback port by {@code conformance/dynalite/start.js}, and requests to it over plain HTTP.
 */
final class DynaliteServer implements AutoCloseable {

    static final Path DIRECTORY = Path.of("conformance", "dynalite");

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Why dynalite cannot run here, or null when it can. */
    static String unavailableReason() {
        if (!Files.isRegularFile(DIRECTORY.resolve("node_modules/dynalite/package.json"))) {
            return "dynalite is not installed in " + DIRECTORY.toAbsolutePath() + ": the build installs it with npm when npm is on the PATH (npm ci --prefix conformance/dynalite)";
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            if (!node.waitFor(20, TimeUnit.SECONDS) || node.exitValue() != 0) {
                return "node --version failed";
            }
        } catch (IOException e) {
            return "node is not on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    DynaliteServer() throws IOException, InterruptedException {
        process = new ProcessBuilder("node", "start.js").directory(DIRECTORY.toFile()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("dynalite did not start within 30 s", e);
        }
        if (line == null || !line.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("dynalite did not start: " + line);
        }
        endpoint = URI.create("http://127.0.0.1:" + Integer.parseInt(line.substring("port ".length()).trim()) + "/");
    }

    record Answer(int status, String body) {
    }

    /** POSTs a DynamoDB JSON 1.0 request; dynalite wants an Authorization header but does not verify the signature. */
    Answer call(String action, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", "DynamoDB_20120810." + action)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
