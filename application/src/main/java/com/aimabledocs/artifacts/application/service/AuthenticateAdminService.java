package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.application.port.in.AuthenticateAdminUseCase;
import com.aimabledocs.artifacts.domain.access.AdminCredentials;
import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/** Compares the presented secret's hash with the configured admin hashes, in constant time. */
public final class AuthenticateAdminService implements AuthenticateAdminUseCase {

    private final AdminCredentials credentials;

    public AuthenticateAdminService(AdminCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Optional<AdminPrincipal> authenticate(String presentedKey) {
        if (!credentials.isEnabled() || presentedKey == null) {
            return Optional.empty();
        }
        ApiKeySecret secret;
        try {
            secret = ApiKeySecret.of(presentedKey);
        } catch (InvalidValueException malformed) {
            return Optional.empty();
        }
        return credentials.authenticate(secret);
    }
}
