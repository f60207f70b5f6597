package com.aimabledocs.artifacts.clients;

import com.aimabledocs.artifacts.client.ApiResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small checks and conversions the workflow program makes around the generated client. */
final class WorkflowChecks {

    private WorkflowChecks() {
    }

    static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The native client saves a binary answer to a temporary file; read it and remove it. */
    static byte[] readAndDelete(File file) throws IOException {
        try {
            return Files.readAllBytes(file.toPath());
        } finally {
            Files.deleteIfExists(file.toPath());
            File dir = file.getParentFile();
            if (dir != null && dir.getName().startsWith("swagger-gen-native")) {
                Files.deleteIfExists(dir.toPath());
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
